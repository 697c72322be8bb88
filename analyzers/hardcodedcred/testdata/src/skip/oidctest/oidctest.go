// Package oidctest follows the httptest naming convention of test-support
// packages, and is skipped.
package oidctest

const ClientSecret = "Zr8Kq2vW9xPm4TnL7bYc"
