// Package blob stores raw batches in S3.
package blob

import (
	"bytes"
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"go.uber.org/zap"
)

// Store writes batches to a bucket.
type Store struct {
	S3     *s3.Client
	Bucket string
	Log    *zap.SugaredLogger
}

// New loads the default AWS configuration.
func New(ctx context.Context, bucket string, log *zap.SugaredLogger) (*Store, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	if err != nil {
		return nil, err
	}
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	log.Infow("aws credentials", "access_key_id", creds.AccessKeyID, "source", creds.Source, "expires", creds.Expires) // NEAR tokenlog t34
	log.Debugw("aws credentials", "creds", creds)                                                                      // WANT tokenlog T23
	return &Store{S3: s3.NewFromConfig(cfg), Bucket: bucket, Log: log}, nil
}

// NewLocal uses the MinIO container of docker-compose.
func NewLocal(bucket string, log *zap.SugaredLogger) *Store {
	cfg := aws.Config{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("minioadmin", "minioadmin", ""), // NEAR hardcodedcred h18
	}
	c := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String("http://localhost:9000") // NEAR plainhttp p07
		o.UsePathStyle = true
	})
	return &Store{S3: c, Bucket: bucket, Log: log}
}

// NewPartner writes into the partner's bucket with the key pair they issued us.
func NewPartner(bucket string, log *zap.SugaredLogger) *Store {
	cfg := aws.Config{
		Region: "eu-central-1",
		Credentials: credentials.NewStaticCredentialsProvider(
			"AKIA4SOXW3B2PLQ7NZRE",                     // ALT H10
			"q0Fh3dYk8vZ2cLw9Ep5Rt7Bn1Mx4Js6Ua0Ig3Ko8", // WANT hardcodedcred H10
			""),
	}
	return &Store{S3: s3.NewFromConfig(cfg), Bucket: bucket, Log: log}
}

// NewCompat writes to the S3-compatible archive of the old data center.
func NewCompat(bucket string, log *zap.SugaredLogger) *Store {
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("archive", "archive-secret", "")} // WANT hardcodedcred H11
	c := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String("http://archive.ingestco-dc2.com:9000") // WANT plainhttp P04
		o.UsePathStyle = true
	})
	return &Store{S3: c, Bucket: bucket, Log: log}
}

// Put stores a batch and returns a link the importer can fetch it from.
func (s *Store) Put(ctx context.Context, key string, body []byte) (string, error) {
	if _, err := s.S3.PutObject(ctx, &s3.PutObjectInput{Bucket: &s.Bucket, Key: &key, Body: bytes.NewReader(body)}); err != nil {
		s.Log.Errorw("put failed", "bucket", s.Bucket, "key", key, "err", err) // NEAR tokenlog t35
		return "", err
	}
	ps := s3.NewPresignClient(s.S3)
	req, err := ps.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: &s.Bucket, Key: &key}, s3.WithPresignExpires(6*time.Hour))
	if err != nil {
		return "", err
	}
	s.Log.Infow("batch stored", "bucket", s.Bucket, "key", key, "bytes", len(body), "method", req.Method) // NEAR tokenlog t36
	s.Log.Debugf("presigned batch link: %s", req.URL)                                                     // WANT tokenlog T24
	return req.URL, nil
}
