// Package credentials is a stand-in for aws-sdk-go's.
package credentials

type Credentials struct{}

func NewStaticCredentials(id, secret, token string) *Credentials { return &Credentials{} }
