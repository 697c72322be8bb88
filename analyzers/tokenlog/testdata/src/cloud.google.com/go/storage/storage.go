// Package storage is a stub of cloud.google.com/go/storage.
package storage

// SignedURLOptions configures SignedURL.
type SignedURLOptions struct {
	Method string
}

// BucketHandle names a bucket.
type BucketHandle struct{}

// SignedURL returns a signed URL for an object.
func (b *BucketHandle) SignedURL(object string, opts *SignedURLOptions) (string, error) {
	return "", nil
}

// SignedURL returns a signed URL for an object of a bucket.
func SignedURL(bucket, object string, opts *SignedURLOptions) (string, error) { return "", nil }
