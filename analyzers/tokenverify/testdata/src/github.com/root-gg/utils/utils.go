// Package utils stands in for a third-party module whose bodies the
// driver does not read: its functions have no digestFact, and their
// names and results are all that is known of them.
package utils

func Md5sum(str string) (md5sum string, err error) { return str, nil }

func HMACSHA256(key []byte, s string) string { return s }

func Trim(s string) string { return s }
