// Package queue reads notification jobs from SQS.
package queue

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"go.uber.org/zap"
)

// Load returns the AWS configuration for the queue.
func Load(ctx context.Context, region string, localstack bool, log *zap.Logger) (aws.Config, error) {
	if localstack {
		// LocalStack accepts any credentials; "test"/"test" is its documented default.
		return config.LoadDefaultConfig(ctx,
			config.WithRegion(region),
			config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("test", "test", "")), // NEAR hardcodedcred h11
			config.WithBaseEndpoint("http://localhost:4566"),                                             // NEAR plainhttp p03
		)
	}
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return cfg, err
	}
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err == nil {
		log.Info("aws credentials", zap.String("source", creds.Source), zap.String("access_key_id", creds.AccessKeyID)) // NEAR tokenlog t17
		log.Debug("aws session", zap.String("secret", creds.SecretAccessKey))                                           // WANT tokenlog T13
	}
	return cfg, nil
}

// Legacy is the configuration of the old account the EU queue still lives in.
func Legacy(ctx context.Context) (aws.Config, error) {
	return config.LoadDefaultConfig(ctx,
		config.WithRegion("eu-west-1"),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(
			"AKIA4XQZ7R2M5KD3NWPB",                     // ALT H08
			"f8Kq2Lr9Xw4Zp7Tn3Vb6Yc1Hm5Jd0Gs8Ae2Ui7Ox", // WANT hardcodedcred H08
			"")),
	)
}

// Client returns an SQS client.
func Client(cfg aws.Config) *sqs.Client { return sqs.NewFromConfig(cfg) }
