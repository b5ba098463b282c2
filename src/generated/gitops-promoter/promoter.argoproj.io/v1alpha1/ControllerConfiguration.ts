import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1ControllerConfiguration";

/**
 * ControllerConfiguration is the Schema for the controllerconfigurations API.
 */
export interface IControllerConfiguration {
  /**
   * APIVersion defines the versioned schema of this representation of an object.
   * Servers should convert recognized schemas to the latest internal value, and
   * may reject unrecognized values.
   * More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources
   */
  "apiVersion": "promoter.argoproj.io/v1alpha1";
  /**
   * Kind is a string value representing the REST resource this object represents.
   * Servers may infer this from the endpoint the client submits requests to.
   * Cannot be updated.
   * In CamelCase.
   * More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds
   */
  "kind": "ControllerConfiguration";
  "metadata"?: IObjectMeta;
  /**
   * ControllerConfigurationSpec defines the desired state of ControllerConfiguration.
   * 
   * This spec contains the global configuration for all controllers in the promoter system.
   * Each controller has its own configuration section that specifies WorkQueue settings,
   * rate limiters, and other controller-specific parameters. All fields should be required,
   * with defaults set in manifests rather than in code.
   */
  "spec"?: {
    /**
     * ArgoCDCommitStatus contains the configuration for the ArgoCDCommitStatus controller,
     * including WorkQueue settings that control reconciliation behavior.
     */
    "argocdCommitStatus": {
      /**
       * WatchLocalApplications controls whether the controller monitors Argo CD Applications
       * in the local cluster. When false, the controller will only watch Applications in remote clusters
       * configured via kubeconfig secrets. This is useful when the Argo CD Application CRD is not installed
       * in the local cluster or when all Applications are deployed to remote clusters.
       */
      "watchLocalApplications": boolean;
      /**
       * WorkQueue contains the work queue configuration for the ArgoCDCommitStatus controller.
       * This includes requeue duration, maximum concurrent reconciles, and rate limiter settings.
       */
      "workQueue": {
        /**
         * MaxConcurrentReconciles defines the maximum number of concurrent reconcile operations
         * that can run for this controller. Higher values increase throughput but consume more
         * resources.
         */
        "maxConcurrentReconciles": number;
        /**
         * RateLimiter defines the rate limiting strategy for the controller's work queue.
         * Rate limiting controls how quickly failed reconciliations are retried and helps
         * prevent overwhelming external APIs or systems.
         */
        "rateLimiter": {
          /**
           * Bucket rate limiter uses a token bucket algorithm to control request rate.
           * Allows bursts while maintaining an average rate limit.
           */
          "bucket"?: {
            /**
             * Bucket is the maximum number of tokens that can be accumulated in the bucket.
             * This defines the maximum burst size - how many operations can occur in rapid
             * succession before rate limiting takes effect. Must be non-negative.
             */
            "bucket": number;
            /**
             * Qps (queries per second) is the rate at which tokens are added to the bucket.
             * This defines the sustained rate limit for operations. Must be non-negative.
             */
            "qps": number;
          };
          /**
           * ExponentialFailure rate limiter increases delay exponentially with each failure.
           * Standard approach for backing off when operations fail repeatedly.
           */
          "exponentialFailure"?: {
            /**
             * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
             * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
             * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
             */
            "baseDelay": string;
            /**
             * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
             * this value, all subsequent retries will use this delay.
             * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
             */
            "maxDelay": string;
          };
          /**
           * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
           * Useful for quickly retrying transient errors while backing off for persistent failures.
           */
          "fastSlow"?: {
            /**
             * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
             * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
             */
            "fastDelay": string;
            /**
             * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
             * Must be at least 1.
             */
            "maxFastAttempts": number;
            /**
             * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
             * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
             */
            "slowDelay": string;
          };
          /**
           * MaxOf allows combining multiple rate limiters, where the maximum delay from all
           * limiters is used. This enables sophisticated rate limiting that respects multiple
           * constraints simultaneously (e.g., both per-item exponential backoff and global rate limits).
           */
          "maxOf"?: Array<{
            /**
             * Bucket rate limiter uses a token bucket algorithm to control request rate.
             * Allows bursts while maintaining an average rate limit.
             */
            "bucket"?: {
              /**
               * Bucket is the maximum number of tokens that can be accumulated in the bucket.
               * This defines the maximum burst size - how many operations can occur in rapid
               * succession before rate limiting takes effect. Must be non-negative.
               */
              "bucket": number;
              /**
               * Qps (queries per second) is the rate at which tokens are added to the bucket.
               * This defines the sustained rate limit for operations. Must be non-negative.
               */
              "qps": number;
            };
            /**
             * ExponentialFailure rate limiter increases delay exponentially with each failure.
             * Standard approach for backing off when operations fail repeatedly.
             */
            "exponentialFailure"?: {
              /**
               * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
               * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
               * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
               */
              "baseDelay": string;
              /**
               * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
               * this value, all subsequent retries will use this delay.
               * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
               */
              "maxDelay": string;
            };
            /**
             * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
             * Useful for quickly retrying transient errors while backing off for persistent failures.
             */
            "fastSlow"?: {
              /**
               * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
               * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
               */
              "fastDelay": string;
              /**
               * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
               * Must be at least 1.
               */
              "maxFastAttempts": number;
              /**
               * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
               * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
               */
              "slowDelay": string;
            };
          }>;
        };
        /**
         * RequeueDuration specifies how frequently resources should be requeued for automatic reconciliation.
         * This creates a periodic reconciliation loop that ensures the desired state is maintained even
         * without external triggers. Format follows Go's time.Duration syntax (e.g., "5m" for 5 minutes).
         */
        "requeueDuration": string;
      };
    };
    /**
     * ChangeTransferPolicy contains the configuration for the ChangeTransferPolicy controller,
     * including WorkQueue settings that control reconciliation behavior.
     */
    "changeTransferPolicy": {
      /**
       * WorkQueue contains the work queue configuration for the ChangeTransferPolicy controller.
       * This includes requeue duration, maximum concurrent reconciles, and rate limiter settings.
       */
      "workQueue": {
        /**
         * MaxConcurrentReconciles defines the maximum number of concurrent reconcile operations
         * that can run for this controller. Higher values increase throughput but consume more
         * resources.
         */
        "maxConcurrentReconciles": number;
        /**
         * RateLimiter defines the rate limiting strategy for the controller's work queue.
         * Rate limiting controls how quickly failed reconciliations are retried and helps
         * prevent overwhelming external APIs or systems.
         */
        "rateLimiter": {
          /**
           * Bucket rate limiter uses a token bucket algorithm to control request rate.
           * Allows bursts while maintaining an average rate limit.
           */
          "bucket"?: {
            /**
             * Bucket is the maximum number of tokens that can be accumulated in the bucket.
             * This defines the maximum burst size - how many operations can occur in rapid
             * succession before rate limiting takes effect. Must be non-negative.
             */
            "bucket": number;
            /**
             * Qps (queries per second) is the rate at which tokens are added to the bucket.
             * This defines the sustained rate limit for operations. Must be non-negative.
             */
            "qps": number;
          };
          /**
           * ExponentialFailure rate limiter increases delay exponentially with each failure.
           * Standard approach for backing off when operations fail repeatedly.
           */
          "exponentialFailure"?: {
            /**
             * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
             * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
             * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
             */
            "baseDelay": string;
            /**
             * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
             * this value, all subsequent retries will use this delay.
             * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
             */
            "maxDelay": string;
          };
          /**
           * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
           * Useful for quickly retrying transient errors while backing off for persistent failures.
           */
          "fastSlow"?: {
            /**
             * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
             * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
             */
            "fastDelay": string;
            /**
             * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
             * Must be at least 1.
             */
            "maxFastAttempts": number;
            /**
             * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
             * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
             */
            "slowDelay": string;
          };
          /**
           * MaxOf allows combining multiple rate limiters, where the maximum delay from all
           * limiters is used. This enables sophisticated rate limiting that respects multiple
           * constraints simultaneously (e.g., both per-item exponential backoff and global rate limits).
           */
          "maxOf"?: Array<{
            /**
             * Bucket rate limiter uses a token bucket algorithm to control request rate.
             * Allows bursts while maintaining an average rate limit.
             */
            "bucket"?: {
              /**
               * Bucket is the maximum number of tokens that can be accumulated in the bucket.
               * This defines the maximum burst size - how many operations can occur in rapid
               * succession before rate limiting takes effect. Must be non-negative.
               */
              "bucket": number;
              /**
               * Qps (queries per second) is the rate at which tokens are added to the bucket.
               * This defines the sustained rate limit for operations. Must be non-negative.
               */
              "qps": number;
            };
            /**
             * ExponentialFailure rate limiter increases delay exponentially with each failure.
             * Standard approach for backing off when operations fail repeatedly.
             */
            "exponentialFailure"?: {
              /**
               * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
               * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
               * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
               */
              "baseDelay": string;
              /**
               * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
               * this value, all subsequent retries will use this delay.
               * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
               */
              "maxDelay": string;
            };
            /**
             * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
             * Useful for quickly retrying transient errors while backing off for persistent failures.
             */
            "fastSlow"?: {
              /**
               * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
               * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
               */
              "fastDelay": string;
              /**
               * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
               * Must be at least 1.
               */
              "maxFastAttempts": number;
              /**
               * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
               * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
               */
              "slowDelay": string;
            };
          }>;
        };
        /**
         * RequeueDuration specifies how frequently resources should be requeued for automatic reconciliation.
         * This creates a periodic reconciliation loop that ensures the desired state is maintained even
         * without external triggers. Format follows Go's time.Duration syntax (e.g., "5m" for 5 minutes).
         */
        "requeueDuration": string;
      };
    };
    /**
     * CommitStatus contains the configuration for the CommitStatus controller,
     * including WorkQueue settings that control reconciliation behavior.
     */
    "commitStatus": {
      /**
       * WorkQueue contains the work queue configuration for the CommitStatus controller.
       * This includes requeue duration, maximum concurrent reconciles, and rate limiter settings.
       */
      "workQueue": {
        /**
         * MaxConcurrentReconciles defines the maximum number of concurrent reconcile operations
         * that can run for this controller. Higher values increase throughput but consume more
         * resources.
         */
        "maxConcurrentReconciles": number;
        /**
         * RateLimiter defines the rate limiting strategy for the controller's work queue.
         * Rate limiting controls how quickly failed reconciliations are retried and helps
         * prevent overwhelming external APIs or systems.
         */
        "rateLimiter": {
          /**
           * Bucket rate limiter uses a token bucket algorithm to control request rate.
           * Allows bursts while maintaining an average rate limit.
           */
          "bucket"?: {
            /**
             * Bucket is the maximum number of tokens that can be accumulated in the bucket.
             * This defines the maximum burst size - how many operations can occur in rapid
             * succession before rate limiting takes effect. Must be non-negative.
             */
            "bucket": number;
            /**
             * Qps (queries per second) is the rate at which tokens are added to the bucket.
             * This defines the sustained rate limit for operations. Must be non-negative.
             */
            "qps": number;
          };
          /**
           * ExponentialFailure rate limiter increases delay exponentially with each failure.
           * Standard approach for backing off when operations fail repeatedly.
           */
          "exponentialFailure"?: {
            /**
             * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
             * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
             * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
             */
            "baseDelay": string;
            /**
             * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
             * this value, all subsequent retries will use this delay.
             * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
             */
            "maxDelay": string;
          };
          /**
           * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
           * Useful for quickly retrying transient errors while backing off for persistent failures.
           */
          "fastSlow"?: {
            /**
             * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
             * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
             */
            "fastDelay": string;
            /**
             * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
             * Must be at least 1.
             */
            "maxFastAttempts": number;
            /**
             * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
             * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
             */
            "slowDelay": string;
          };
          /**
           * MaxOf allows combining multiple rate limiters, where the maximum delay from all
           * limiters is used. This enables sophisticated rate limiting that respects multiple
           * constraints simultaneously (e.g., both per-item exponential backoff and global rate limits).
           */
          "maxOf"?: Array<{
            /**
             * Bucket rate limiter uses a token bucket algorithm to control request rate.
             * Allows bursts while maintaining an average rate limit.
             */
            "bucket"?: {
              /**
               * Bucket is the maximum number of tokens that can be accumulated in the bucket.
               * This defines the maximum burst size - how many operations can occur in rapid
               * succession before rate limiting takes effect. Must be non-negative.
               */
              "bucket": number;
              /**
               * Qps (queries per second) is the rate at which tokens are added to the bucket.
               * This defines the sustained rate limit for operations. Must be non-negative.
               */
              "qps": number;
            };
            /**
             * ExponentialFailure rate limiter increases delay exponentially with each failure.
             * Standard approach for backing off when operations fail repeatedly.
             */
            "exponentialFailure"?: {
              /**
               * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
               * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
               * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
               */
              "baseDelay": string;
              /**
               * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
               * this value, all subsequent retries will use this delay.
               * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
               */
              "maxDelay": string;
            };
            /**
             * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
             * Useful for quickly retrying transient errors while backing off for persistent failures.
             */
            "fastSlow"?: {
              /**
               * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
               * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
               */
              "fastDelay": string;
              /**
               * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
               * Must be at least 1.
               */
              "maxFastAttempts": number;
              /**
               * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
               * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
               */
              "slowDelay": string;
            };
          }>;
        };
        /**
         * RequeueDuration specifies how frequently resources should be requeued for automatic reconciliation.
         * This creates a periodic reconciliation loop that ensures the desired state is maintained even
         * without external triggers. Format follows Go's time.Duration syntax (e.g., "5m" for 5 minutes).
         */
        "requeueDuration": string;
      };
    };
    /**
     * GitCommitStatus contains the configuration for the GitCommitStatus controller,
     * including WorkQueue settings that control reconciliation behavior.
     */
    "gitCommitStatus": {
      /**
       * WorkQueue contains the work queue configuration for the GitCommitStatus controller.
       * This includes requeue duration, maximum concurrent reconciles, and rate limiter settings.
       */
      "workQueue": {
        /**
         * MaxConcurrentReconciles defines the maximum number of concurrent reconcile operations
         * that can run for this controller. Higher values increase throughput but consume more
         * resources.
         */
        "maxConcurrentReconciles": number;
        /**
         * RateLimiter defines the rate limiting strategy for the controller's work queue.
         * Rate limiting controls how quickly failed reconciliations are retried and helps
         * prevent overwhelming external APIs or systems.
         */
        "rateLimiter": {
          /**
           * Bucket rate limiter uses a token bucket algorithm to control request rate.
           * Allows bursts while maintaining an average rate limit.
           */
          "bucket"?: {
            /**
             * Bucket is the maximum number of tokens that can be accumulated in the bucket.
             * This defines the maximum burst size - how many operations can occur in rapid
             * succession before rate limiting takes effect. Must be non-negative.
             */
            "bucket": number;
            /**
             * Qps (queries per second) is the rate at which tokens are added to the bucket.
             * This defines the sustained rate limit for operations. Must be non-negative.
             */
            "qps": number;
          };
          /**
           * ExponentialFailure rate limiter increases delay exponentially with each failure.
           * Standard approach for backing off when operations fail repeatedly.
           */
          "exponentialFailure"?: {
            /**
             * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
             * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
             * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
             */
            "baseDelay": string;
            /**
             * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
             * this value, all subsequent retries will use this delay.
             * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
             */
            "maxDelay": string;
          };
          /**
           * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
           * Useful for quickly retrying transient errors while backing off for persistent failures.
           */
          "fastSlow"?: {
            /**
             * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
             * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
             */
            "fastDelay": string;
            /**
             * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
             * Must be at least 1.
             */
            "maxFastAttempts": number;
            /**
             * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
             * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
             */
            "slowDelay": string;
          };
          /**
           * MaxOf allows combining multiple rate limiters, where the maximum delay from all
           * limiters is used. This enables sophisticated rate limiting that respects multiple
           * constraints simultaneously (e.g., both per-item exponential backoff and global rate limits).
           */
          "maxOf"?: Array<{
            /**
             * Bucket rate limiter uses a token bucket algorithm to control request rate.
             * Allows bursts while maintaining an average rate limit.
             */
            "bucket"?: {
              /**
               * Bucket is the maximum number of tokens that can be accumulated in the bucket.
               * This defines the maximum burst size - how many operations can occur in rapid
               * succession before rate limiting takes effect. Must be non-negative.
               */
              "bucket": number;
              /**
               * Qps (queries per second) is the rate at which tokens are added to the bucket.
               * This defines the sustained rate limit for operations. Must be non-negative.
               */
              "qps": number;
            };
            /**
             * ExponentialFailure rate limiter increases delay exponentially with each failure.
             * Standard approach for backing off when operations fail repeatedly.
             */
            "exponentialFailure"?: {
              /**
               * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
               * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
               * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
               */
              "baseDelay": string;
              /**
               * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
               * this value, all subsequent retries will use this delay.
               * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
               */
              "maxDelay": string;
            };
            /**
             * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
             * Useful for quickly retrying transient errors while backing off for persistent failures.
             */
            "fastSlow"?: {
              /**
               * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
               * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
               */
              "fastDelay": string;
              /**
               * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
               * Must be at least 1.
               */
              "maxFastAttempts": number;
              /**
               * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
               * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
               */
              "slowDelay": string;
            };
          }>;
        };
        /**
         * RequeueDuration specifies how frequently resources should be requeued for automatic reconciliation.
         * This creates a periodic reconciliation loop that ensures the desired state is maintained even
         * without external triggers. Format follows Go's time.Duration syntax (e.g., "5m" for 5 minutes).
         */
        "requeueDuration": string;
      };
    };
    /**
     * InstanceID scopes which Promoter CRs this install reconciles. When set, only resources
     * labeled promoter.argoproj.io/instance-id with this exact value enter the informer cache.
     * When unset (nil), only resources without that label are reconciled. There is no mode that
     * reconciles labeled and unlabeled resources together. Changing this value rebuilds the
     * informer cache partition: a single-replica install shuts down and restarts automatically;
     * HA installs (multiple replicas with leader election) require a rolling restart of all pods.
     */
    "instanceID"?: string;
    /**
     * PromotionStrategy contains the configuration for the PromotionStrategy controller,
     * including WorkQueue settings that control reconciliation behavior.
     */
    "promotionStrategy": {
      /**
       * WorkQueue contains the work queue configuration for the PromotionStrategy controller.
       * This includes requeue duration, maximum concurrent reconciles, and rate limiter settings.
       */
      "workQueue": {
        /**
         * MaxConcurrentReconciles defines the maximum number of concurrent reconcile operations
         * that can run for this controller. Higher values increase throughput but consume more
         * resources.
         */
        "maxConcurrentReconciles": number;
        /**
         * RateLimiter defines the rate limiting strategy for the controller's work queue.
         * Rate limiting controls how quickly failed reconciliations are retried and helps
         * prevent overwhelming external APIs or systems.
         */
        "rateLimiter": {
          /**
           * Bucket rate limiter uses a token bucket algorithm to control request rate.
           * Allows bursts while maintaining an average rate limit.
           */
          "bucket"?: {
            /**
             * Bucket is the maximum number of tokens that can be accumulated in the bucket.
             * This defines the maximum burst size - how many operations can occur in rapid
             * succession before rate limiting takes effect. Must be non-negative.
             */
            "bucket": number;
            /**
             * Qps (queries per second) is the rate at which tokens are added to the bucket.
             * This defines the sustained rate limit for operations. Must be non-negative.
             */
            "qps": number;
          };
          /**
           * ExponentialFailure rate limiter increases delay exponentially with each failure.
           * Standard approach for backing off when operations fail repeatedly.
           */
          "exponentialFailure"?: {
            /**
             * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
             * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
             * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
             */
            "baseDelay": string;
            /**
             * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
             * this value, all subsequent retries will use this delay.
             * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
             */
            "maxDelay": string;
          };
          /**
           * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
           * Useful for quickly retrying transient errors while backing off for persistent failures.
           */
          "fastSlow"?: {
            /**
             * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
             * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
             */
            "fastDelay": string;
            /**
             * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
             * Must be at least 1.
             */
            "maxFastAttempts": number;
            /**
             * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
             * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
             */
            "slowDelay": string;
          };
          /**
           * MaxOf allows combining multiple rate limiters, where the maximum delay from all
           * limiters is used. This enables sophisticated rate limiting that respects multiple
           * constraints simultaneously (e.g., both per-item exponential backoff and global rate limits).
           */
          "maxOf"?: Array<{
            /**
             * Bucket rate limiter uses a token bucket algorithm to control request rate.
             * Allows bursts while maintaining an average rate limit.
             */
            "bucket"?: {
              /**
               * Bucket is the maximum number of tokens that can be accumulated in the bucket.
               * This defines the maximum burst size - how many operations can occur in rapid
               * succession before rate limiting takes effect. Must be non-negative.
               */
              "bucket": number;
              /**
               * Qps (queries per second) is the rate at which tokens are added to the bucket.
               * This defines the sustained rate limit for operations. Must be non-negative.
               */
              "qps": number;
            };
            /**
             * ExponentialFailure rate limiter increases delay exponentially with each failure.
             * Standard approach for backing off when operations fail repeatedly.
             */
            "exponentialFailure"?: {
              /**
               * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
               * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
               * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
               */
              "baseDelay": string;
              /**
               * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
               * this value, all subsequent retries will use this delay.
               * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
               */
              "maxDelay": string;
            };
            /**
             * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
             * Useful for quickly retrying transient errors while backing off for persistent failures.
             */
            "fastSlow"?: {
              /**
               * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
               * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
               */
              "fastDelay": string;
              /**
               * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
               * Must be at least 1.
               */
              "maxFastAttempts": number;
              /**
               * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
               * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
               */
              "slowDelay": string;
            };
          }>;
        };
        /**
         * RequeueDuration specifies how frequently resources should be requeued for automatic reconciliation.
         * This creates a periodic reconciliation loop that ensures the desired state is maintained even
         * without external triggers. Format follows Go's time.Duration syntax (e.g., "5m" for 5 minutes).
         */
        "requeueDuration": string;
      };
    };
    /**
     * PullRequest contains the configuration for the PullRequest controller,
     * including WorkQueue settings and pull request template configuration.
     */
    "pullRequest": {
      /**
       * Template is the template configuration used to generate pull request titles and descriptions.
       * Uses Go template syntax with Sprig functions available.
       */
      "template": {
        /**
         * Description is the template used to generate the body/description of the pull request.
         * Uses Go template syntax with Sprig functions available for string manipulation.
         */
        "description": string;
        /**
         * Title is the template used to generate the title of the pull request.
         * Uses Go template syntax with Sprig functions available for string manipulation.
         */
        "title": string;
      };
      /**
       * WorkQueue contains the work queue configuration for the PullRequest controller.
       * This includes requeue duration, maximum concurrent reconciles, and rate limiter settings.
       */
      "workQueue": {
        /**
         * MaxConcurrentReconciles defines the maximum number of concurrent reconcile operations
         * that can run for this controller. Higher values increase throughput but consume more
         * resources.
         */
        "maxConcurrentReconciles": number;
        /**
         * RateLimiter defines the rate limiting strategy for the controller's work queue.
         * Rate limiting controls how quickly failed reconciliations are retried and helps
         * prevent overwhelming external APIs or systems.
         */
        "rateLimiter": {
          /**
           * Bucket rate limiter uses a token bucket algorithm to control request rate.
           * Allows bursts while maintaining an average rate limit.
           */
          "bucket"?: {
            /**
             * Bucket is the maximum number of tokens that can be accumulated in the bucket.
             * This defines the maximum burst size - how many operations can occur in rapid
             * succession before rate limiting takes effect. Must be non-negative.
             */
            "bucket": number;
            /**
             * Qps (queries per second) is the rate at which tokens are added to the bucket.
             * This defines the sustained rate limit for operations. Must be non-negative.
             */
            "qps": number;
          };
          /**
           * ExponentialFailure rate limiter increases delay exponentially with each failure.
           * Standard approach for backing off when operations fail repeatedly.
           */
          "exponentialFailure"?: {
            /**
             * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
             * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
             * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
             */
            "baseDelay": string;
            /**
             * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
             * this value, all subsequent retries will use this delay.
             * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
             */
            "maxDelay": string;
          };
          /**
           * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
           * Useful for quickly retrying transient errors while backing off for persistent failures.
           */
          "fastSlow"?: {
            /**
             * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
             * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
             */
            "fastDelay": string;
            /**
             * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
             * Must be at least 1.
             */
            "maxFastAttempts": number;
            /**
             * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
             * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
             */
            "slowDelay": string;
          };
          /**
           * MaxOf allows combining multiple rate limiters, where the maximum delay from all
           * limiters is used. This enables sophisticated rate limiting that respects multiple
           * constraints simultaneously (e.g., both per-item exponential backoff and global rate limits).
           */
          "maxOf"?: Array<{
            /**
             * Bucket rate limiter uses a token bucket algorithm to control request rate.
             * Allows bursts while maintaining an average rate limit.
             */
            "bucket"?: {
              /**
               * Bucket is the maximum number of tokens that can be accumulated in the bucket.
               * This defines the maximum burst size - how many operations can occur in rapid
               * succession before rate limiting takes effect. Must be non-negative.
               */
              "bucket": number;
              /**
               * Qps (queries per second) is the rate at which tokens are added to the bucket.
               * This defines the sustained rate limit for operations. Must be non-negative.
               */
              "qps": number;
            };
            /**
             * ExponentialFailure rate limiter increases delay exponentially with each failure.
             * Standard approach for backing off when operations fail repeatedly.
             */
            "exponentialFailure"?: {
              /**
               * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
               * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
               * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
               */
              "baseDelay": string;
              /**
               * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
               * this value, all subsequent retries will use this delay.
               * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
               */
              "maxDelay": string;
            };
            /**
             * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
             * Useful for quickly retrying transient errors while backing off for persistent failures.
             */
            "fastSlow"?: {
              /**
               * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
               * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
               */
              "fastDelay": string;
              /**
               * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
               * Must be at least 1.
               */
              "maxFastAttempts": number;
              /**
               * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
               * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
               */
              "slowDelay": string;
            };
          }>;
        };
        /**
         * RequeueDuration specifies how frequently resources should be requeued for automatic reconciliation.
         * This creates a periodic reconciliation loop that ensures the desired state is maintained even
         * without external triggers. Format follows Go's time.Duration syntax (e.g., "5m" for 5 minutes).
         */
        "requeueDuration": string;
      };
    };
    /**
     * ScheduledCommitStatus contains the configuration for the ScheduledCommitStatus controller,
     * including WorkQueue settings that control reconciliation behavior.
     */
    "scheduledCommitStatus": {
      /**
       * WorkQueue contains the work queue configuration for the ScheduledCommitStatus controller.
       * This includes requeue duration, maximum concurrent reconciles, and rate limiter settings.
       */
      "workQueue": {
        /**
         * MaxConcurrentReconciles defines the maximum number of concurrent reconcile operations
         * that can run for this controller. Higher values increase throughput but consume more
         * resources.
         */
        "maxConcurrentReconciles": number;
        /**
         * RateLimiter defines the rate limiting strategy for the controller's work queue.
         * Rate limiting controls how quickly failed reconciliations are retried and helps
         * prevent overwhelming external APIs or systems.
         */
        "rateLimiter": {
          /**
           * Bucket rate limiter uses a token bucket algorithm to control request rate.
           * Allows bursts while maintaining an average rate limit.
           */
          "bucket"?: {
            /**
             * Bucket is the maximum number of tokens that can be accumulated in the bucket.
             * This defines the maximum burst size - how many operations can occur in rapid
             * succession before rate limiting takes effect. Must be non-negative.
             */
            "bucket": number;
            /**
             * Qps (queries per second) is the rate at which tokens are added to the bucket.
             * This defines the sustained rate limit for operations. Must be non-negative.
             */
            "qps": number;
          };
          /**
           * ExponentialFailure rate limiter increases delay exponentially with each failure.
           * Standard approach for backing off when operations fail repeatedly.
           */
          "exponentialFailure"?: {
            /**
             * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
             * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
             * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
             */
            "baseDelay": string;
            /**
             * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
             * this value, all subsequent retries will use this delay.
             * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
             */
            "maxDelay": string;
          };
          /**
           * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
           * Useful for quickly retrying transient errors while backing off for persistent failures.
           */
          "fastSlow"?: {
            /**
             * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
             * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
             */
            "fastDelay": string;
            /**
             * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
             * Must be at least 1.
             */
            "maxFastAttempts": number;
            /**
             * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
             * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
             */
            "slowDelay": string;
          };
          /**
           * MaxOf allows combining multiple rate limiters, where the maximum delay from all
           * limiters is used. This enables sophisticated rate limiting that respects multiple
           * constraints simultaneously (e.g., both per-item exponential backoff and global rate limits).
           */
          "maxOf"?: Array<{
            /**
             * Bucket rate limiter uses a token bucket algorithm to control request rate.
             * Allows bursts while maintaining an average rate limit.
             */
            "bucket"?: {
              /**
               * Bucket is the maximum number of tokens that can be accumulated in the bucket.
               * This defines the maximum burst size - how many operations can occur in rapid
               * succession before rate limiting takes effect. Must be non-negative.
               */
              "bucket": number;
              /**
               * Qps (queries per second) is the rate at which tokens are added to the bucket.
               * This defines the sustained rate limit for operations. Must be non-negative.
               */
              "qps": number;
            };
            /**
             * ExponentialFailure rate limiter increases delay exponentially with each failure.
             * Standard approach for backing off when operations fail repeatedly.
             */
            "exponentialFailure"?: {
              /**
               * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
               * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
               * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
               */
              "baseDelay": string;
              /**
               * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
               * this value, all subsequent retries will use this delay.
               * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
               */
              "maxDelay": string;
            };
            /**
             * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
             * Useful for quickly retrying transient errors while backing off for persistent failures.
             */
            "fastSlow"?: {
              /**
               * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
               * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
               */
              "fastDelay": string;
              /**
               * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
               * Must be at least 1.
               */
              "maxFastAttempts": number;
              /**
               * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
               * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
               */
              "slowDelay": string;
            };
          }>;
        };
        /**
         * RequeueDuration specifies how frequently resources should be requeued for automatic reconciliation.
         * This creates a periodic reconciliation loop that ensures the desired state is maintained even
         * without external triggers. Format follows Go's time.Duration syntax (e.g., "5m" for 5 minutes).
         */
        "requeueDuration": string;
      };
    };
    /**
     * TimedCommitStatus contains the configuration for the TimedCommitStatus controller,
     * including WorkQueue settings that control reconciliation behavior.
     */
    "timedCommitStatus": {
      /**
       * WorkQueue contains the work queue configuration for the TimedCommitStatus controller.
       * This includes requeue duration, maximum concurrent reconciles, and rate limiter settings.
       */
      "workQueue": {
        /**
         * MaxConcurrentReconciles defines the maximum number of concurrent reconcile operations
         * that can run for this controller. Higher values increase throughput but consume more
         * resources.
         */
        "maxConcurrentReconciles": number;
        /**
         * RateLimiter defines the rate limiting strategy for the controller's work queue.
         * Rate limiting controls how quickly failed reconciliations are retried and helps
         * prevent overwhelming external APIs or systems.
         */
        "rateLimiter": {
          /**
           * Bucket rate limiter uses a token bucket algorithm to control request rate.
           * Allows bursts while maintaining an average rate limit.
           */
          "bucket"?: {
            /**
             * Bucket is the maximum number of tokens that can be accumulated in the bucket.
             * This defines the maximum burst size - how many operations can occur in rapid
             * succession before rate limiting takes effect. Must be non-negative.
             */
            "bucket": number;
            /**
             * Qps (queries per second) is the rate at which tokens are added to the bucket.
             * This defines the sustained rate limit for operations. Must be non-negative.
             */
            "qps": number;
          };
          /**
           * ExponentialFailure rate limiter increases delay exponentially with each failure.
           * Standard approach for backing off when operations fail repeatedly.
           */
          "exponentialFailure"?: {
            /**
             * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
             * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
             * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
             */
            "baseDelay": string;
            /**
             * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
             * this value, all subsequent retries will use this delay.
             * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
             */
            "maxDelay": string;
          };
          /**
           * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
           * Useful for quickly retrying transient errors while backing off for persistent failures.
           */
          "fastSlow"?: {
            /**
             * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
             * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
             */
            "fastDelay": string;
            /**
             * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
             * Must be at least 1.
             */
            "maxFastAttempts": number;
            /**
             * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
             * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
             */
            "slowDelay": string;
          };
          /**
           * MaxOf allows combining multiple rate limiters, where the maximum delay from all
           * limiters is used. This enables sophisticated rate limiting that respects multiple
           * constraints simultaneously (e.g., both per-item exponential backoff and global rate limits).
           */
          "maxOf"?: Array<{
            /**
             * Bucket rate limiter uses a token bucket algorithm to control request rate.
             * Allows bursts while maintaining an average rate limit.
             */
            "bucket"?: {
              /**
               * Bucket is the maximum number of tokens that can be accumulated in the bucket.
               * This defines the maximum burst size - how many operations can occur in rapid
               * succession before rate limiting takes effect. Must be non-negative.
               */
              "bucket": number;
              /**
               * Qps (queries per second) is the rate at which tokens are added to the bucket.
               * This defines the sustained rate limit for operations. Must be non-negative.
               */
              "qps": number;
            };
            /**
             * ExponentialFailure rate limiter increases delay exponentially with each failure.
             * Standard approach for backing off when operations fail repeatedly.
             */
            "exponentialFailure"?: {
              /**
               * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
               * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
               * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
               */
              "baseDelay": string;
              /**
               * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
               * this value, all subsequent retries will use this delay.
               * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
               */
              "maxDelay": string;
            };
            /**
             * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
             * Useful for quickly retrying transient errors while backing off for persistent failures.
             */
            "fastSlow"?: {
              /**
               * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
               * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
               */
              "fastDelay": string;
              /**
               * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
               * Must be at least 1.
               */
              "maxFastAttempts": number;
              /**
               * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
               * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
               */
              "slowDelay": string;
            };
          }>;
        };
        /**
         * RequeueDuration specifies how frequently resources should be requeued for automatic reconciliation.
         * This creates a periodic reconciliation loop that ensures the desired state is maintained even
         * without external triggers. Format follows Go's time.Duration syntax (e.g., "5m" for 5 minutes).
         */
        "requeueDuration": string;
      };
    };
    /**
     * WebRequestCommitStatus contains the configuration for the WebRequestCommitStatus controller,
     * including WorkQueue settings that control reconciliation behavior.
     */
    "webRequestCommitStatus": {
      /**
       * WorkQueue contains the work queue configuration for the WebRequestCommitStatus controller.
       * This includes requeue duration, maximum concurrent reconciles, and rate limiter settings.
       */
      "workQueue": {
        /**
         * MaxConcurrentReconciles defines the maximum number of concurrent reconcile operations
         * that can run for this controller. Higher values increase throughput but consume more
         * resources.
         */
        "maxConcurrentReconciles": number;
        /**
         * RateLimiter defines the rate limiting strategy for the controller's work queue.
         * Rate limiting controls how quickly failed reconciliations are retried and helps
         * prevent overwhelming external APIs or systems.
         */
        "rateLimiter": {
          /**
           * Bucket rate limiter uses a token bucket algorithm to control request rate.
           * Allows bursts while maintaining an average rate limit.
           */
          "bucket"?: {
            /**
             * Bucket is the maximum number of tokens that can be accumulated in the bucket.
             * This defines the maximum burst size - how many operations can occur in rapid
             * succession before rate limiting takes effect. Must be non-negative.
             */
            "bucket": number;
            /**
             * Qps (queries per second) is the rate at which tokens are added to the bucket.
             * This defines the sustained rate limit for operations. Must be non-negative.
             */
            "qps": number;
          };
          /**
           * ExponentialFailure rate limiter increases delay exponentially with each failure.
           * Standard approach for backing off when operations fail repeatedly.
           */
          "exponentialFailure"?: {
            /**
             * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
             * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
             * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
             */
            "baseDelay": string;
            /**
             * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
             * this value, all subsequent retries will use this delay.
             * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
             */
            "maxDelay": string;
          };
          /**
           * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
           * Useful for quickly retrying transient errors while backing off for persistent failures.
           */
          "fastSlow"?: {
            /**
             * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
             * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
             */
            "fastDelay": string;
            /**
             * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
             * Must be at least 1.
             */
            "maxFastAttempts": number;
            /**
             * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
             * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
             */
            "slowDelay": string;
          };
          /**
           * MaxOf allows combining multiple rate limiters, where the maximum delay from all
           * limiters is used. This enables sophisticated rate limiting that respects multiple
           * constraints simultaneously (e.g., both per-item exponential backoff and global rate limits).
           */
          "maxOf"?: Array<{
            /**
             * Bucket rate limiter uses a token bucket algorithm to control request rate.
             * Allows bursts while maintaining an average rate limit.
             */
            "bucket"?: {
              /**
               * Bucket is the maximum number of tokens that can be accumulated in the bucket.
               * This defines the maximum burst size - how many operations can occur in rapid
               * succession before rate limiting takes effect. Must be non-negative.
               */
              "bucket": number;
              /**
               * Qps (queries per second) is the rate at which tokens are added to the bucket.
               * This defines the sustained rate limit for operations. Must be non-negative.
               */
              "qps": number;
            };
            /**
             * ExponentialFailure rate limiter increases delay exponentially with each failure.
             * Standard approach for backing off when operations fail repeatedly.
             */
            "exponentialFailure"?: {
              /**
               * BaseDelay is the initial delay after the first failure. Subsequent failures will exponentially
               * increase this delay (2x, 4x, 8x, etc.) until MaxDelay is reached.
               * Format follows Go's time.Duration syntax (e.g., "1s" for 1 second).
               */
              "baseDelay": string;
              /**
               * MaxDelay is the maximum delay between retry attempts. Once the exponential backoff reaches
               * this value, all subsequent retries will use this delay.
               * Format follows Go's time.Duration syntax (e.g., "1m" for 1 minute).
               */
              "maxDelay": string;
            };
            /**
             * FastSlow rate limiter provides fast retries initially, then switches to slow retries.
             * Useful for quickly retrying transient errors while backing off for persistent failures.
             */
            "fastSlow"?: {
              /**
               * FastDelay is the delay used for the first MaxFastAttempts retry attempts.
               * Format follows Go's time.Duration syntax (e.g., "100ms" for 100 milliseconds).
               */
              "fastDelay": string;
              /**
               * MaxFastAttempts is the number of retry attempts that use FastDelay before switching to SlowDelay.
               * Must be at least 1.
               */
              "maxFastAttempts": number;
              /**
               * SlowDelay is the delay used for retry attempts after MaxFastAttempts have been exhausted.
               * Format follows Go's time.Duration syntax (e.g., "10s" for 10 seconds).
               */
              "slowDelay": string;
            };
          }>;
        };
        /**
         * RequeueDuration specifies how frequently resources should be requeued for automatic reconciliation.
         * This creates a periodic reconciliation loop that ensures the desired state is maintained even
         * without external triggers. Format follows Go's time.Duration syntax (e.g., "5m" for 5 minutes).
         */
        "requeueDuration": string;
      };
    };
  };
  /**
   * ControllerConfigurationStatus defines the observed state of ControllerConfiguration.
   */
  "status"?: {
    /**
     * Conditions Represents the observations of the current state.
     */
    "conditions"?: Array<{
      /**
       * lastTransitionTime is the last time the condition transitioned from one status to another.
       * This should be when the underlying condition changed.  If that is not known, then using the time when the API field changed is acceptable.
       */
      "lastTransitionTime": string;
      /**
       * message is a human readable message indicating details about the transition.
       * This may be an empty string.
       */
      "message": string;
      /**
       * observedGeneration represents the .metadata.generation that the condition was set based upon.
       * For instance, if .metadata.generation is currently 12, but the .status.conditions[x].observedGeneration is 9, the condition is out of date
       * with respect to the current state of the instance.
       */
      "observedGeneration"?: number;
      /**
       * reason contains a programmatic identifier indicating the reason for the condition's last transition.
       * Producers of specific condition types may define expected values and meanings for this field,
       * and whether the values are considered a guaranteed API.
       * The value should be a CamelCase string.
       * This field may not be empty.
       */
      "reason": string;
      /**
       * status of the condition, one of True, False, Unknown.
       */
      "status": "True" | "False" | "Unknown";
      /**
       * type of condition in CamelCase or in foo.example.com/CamelCase.
       */
      "type": string;
    }>;
    /**
     * InstanceID mirrors metadata.labels[promoter.argoproj.io/instance-id] stamped on each
     * reconcile attempt by this install's controller, including when Ready=False; omitted
     * when the resource has no instance-id label (default install).
     */
    "instanceID"?: string;
    /**
     * ObservedGeneration is the .metadata.generation that this status was reconciled from.
     * Because status is written via Server-Side Apply with ForceOwnership (which has no
     * optimistic-concurrency check), this field is the canonical way to detect stale
     * status writes: compare status.observedGeneration with metadata.generation.
     */
    "observedGeneration"?: number;
  };
}

/**
 * ControllerConfiguration is the Schema for the controllerconfigurations API.
 */
export class ControllerConfiguration extends Model<IControllerConfiguration> implements IControllerConfiguration {
  "apiVersion": IControllerConfiguration["apiVersion"];
  "kind": IControllerConfiguration["kind"];
  "metadata"?: IControllerConfiguration["metadata"];
  "spec"?: IControllerConfiguration["spec"];
  "status"?: IControllerConfiguration["status"];

static apiVersion: IControllerConfiguration["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: IControllerConfiguration["kind"] = "ControllerConfiguration";
static is = createTypeMetaGuard<IControllerConfiguration>(ControllerConfiguration);

constructor(data?: ModelData<IControllerConfiguration>) {
  super();

  this.setDefinedProps({
    apiVersion: ControllerConfiguration.apiVersion,
    kind: ControllerConfiguration.kind,
    ...data
  } as IControllerConfiguration);
}
}


setValidateFunc(ControllerConfiguration, validate as ValidateFunc<IControllerConfiguration>);
