// Package aws is a stand-in for github.com/aws/aws-sdk-go-v2/aws.
package aws

// String returns a pointer to v.
func String(v string) *string { return &v }
