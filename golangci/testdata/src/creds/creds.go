// Package creds has a value that only the hardcodedcred.secret-names
// setting makes a credential.
package creds

var userPin = "Q2w9E4r7T1y6U3i8" // want `userPin is a string literal`

var userName = "Q2w9E4r7T1y6U3i8" // not a credential name
