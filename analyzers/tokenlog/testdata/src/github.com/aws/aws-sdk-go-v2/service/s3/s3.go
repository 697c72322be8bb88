// Package s3 is a stub of aws-sdk-go-v2's S3 client.
package s3

import (
	"context"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// GetObjectInput names an object.
type GetObjectInput struct {
	Bucket *string
	Key    *string
}

// PresignOptions tunes a presign call.
type PresignOptions struct{}

// PresignClient presigns S3 operations.
type PresignClient struct{}

// PresignGetObject presigns a GetObject call.
func (c *PresignClient) PresignGetObject(ctx context.Context, in *GetObjectInput, optFns ...func(*PresignOptions)) (*v4.PresignedHTTPRequest, error) {
	return nil, nil
}
