// Package standin: credentials a library insists on while
// authentication happens elsewhere, written as identifiers that say so
// (NoOpSecretKey), are stand-ins; a generated value, or one whose words
// only contain a marker, is still a credential.
package standin

import "github.com/aws/aws-sdk-go/aws/credentials"

var (
	// rclone's IBM IAM signer: the S3 SDK requires credentials.
	noop   = credentials.NewStaticCredentials("NoOpAccessKey", "NoOpSecretKey", "")
	dashed = credentials.NewStaticCredentials("id", "no-op-secret", "")
	stub   = credentials.NewStaticCredentials("id", "STUB_SECRET_KEY", "")
)

// Near misses.
var (
	digits = credentials.NewStaticCredentials("id", "NoOp7Qx2Lk9Vd4Wr", "") // want `AWS secret key passed to credentials.NewStaticCredentials is a string literal`
	snoop  = credentials.NewStaticCredentials("id", "SnoopDogSecret", "")   // want `AWS secret key passed to credentials.NewStaticCredentials is a string literal`
	nope   = credentials.NewStaticCredentials("id", "NopeSecretValue", "")  // want `AWS secret key passed to credentials.NewStaticCredentials is a string literal`
	symbol = credentials.NewStaticCredentials("id", "noop+Zr8#kq2LxV9", "") // want `AWS secret key passed to credentials.NewStaticCredentials is a string literal`
)
