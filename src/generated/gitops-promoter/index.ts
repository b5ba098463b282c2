export * as promoterArgoprojIo from "./promoter.argoproj.io/index";
