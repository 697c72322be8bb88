// Package session stands for an in-house session package.
package session

func Resolve(token string) (string, error) { return "", nil }
