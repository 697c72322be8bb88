// Package config holds reelpress's settings.
package config

import "os"

type Config struct {
	Addr      string
	PublicURL string

	// Object storage (S3 API) for sources and renditions.
	StorageEndpoint string
	StorageRegion   string
	StorageBucket   string
	AccessKeyID     string
	SecretAccessKey string

	// CDN in front of the renditions; purged when a job is re-run.
	CDNAPIBase string
	CDNToken   string

	// Key the on-call tooling uses for /ops endpoints.
	OpsKey string

	LogLevel string
}

func Load() Config {
	return Config{
		Addr:            env("REELPRESS_ADDR", ":8080"),
		PublicURL:       env("REELPRESS_PUBLIC_URL", "http://localhost:8080"), // NEAR plainhttp p02
		StorageEndpoint: env("REELPRESS_S3_ENDPOINT", "http://minio:9000"),    // NEAR plainhttp p03
		StorageRegion:   env("REELPRESS_S3_REGION", "eu-central-1"),
		StorageBucket:   env("REELPRESS_S3_BUCKET", "reelpress-media"),
		AccessKeyID:     env("REELPRESS_S3_ACCESS_KEY", "RPKQ7ZC2M4X8T1NVB3LD"),                     // NEAR hardcodedcred h03
		SecretAccessKey: env("REELPRESS_S3_SECRET_KEY", "q7Vd2Lx9Rk4mTz8Wb1Nc6Hs3Jf0Gp5Ya2Ue7Io4K"), // WANT hardcodedcred H03
		CDNAPIBase:      env("REELPRESS_CDN_API", "http://api.edgecache-cdn.net/v2"),                // WANT plainhttp P02
		CDNToken:        os.Getenv("REELPRESS_CDN_TOKEN"),
		OpsKey:          os.Getenv("REELPRESS_OPS_KEY"),
		LogLevel:        env("REELPRESS_LOG_LEVEL", "info"),
	}
}

func env(k, def string) string {
	if v, ok := os.LookupEnv(k); ok && v != "" {
		return v
	}
	return def
}
