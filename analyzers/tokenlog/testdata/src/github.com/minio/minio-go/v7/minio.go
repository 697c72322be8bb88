// Package minio is a stub of minio-go v7.
package minio

import (
	"context"
	"net/url"
	"time"
)

// Client is a MinIO client.
type Client struct{}

// PresignedGetObject returns a presigned URL to read an object.
func (c *Client) PresignedGetObject(ctx context.Context, bucket, object string, expires time.Duration, reqParams url.Values) (*url.URL, error) {
	return nil, nil
}

// EndpointURL returns the client's endpoint.
func (c *Client) EndpointURL() *url.URL { return nil }
