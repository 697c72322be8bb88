// Package insecure is a minimal stand-in for google.golang.org/grpc/credentials/insecure.
package insecure

import "google.golang.org/grpc/credentials"

type creds struct{}

func (creds) Info() string { return "insecure" }

func NewCredentials() credentials.TransportCredentials { return creds{} }
