export * as argoprojIo from "./argoproj.io/index";
