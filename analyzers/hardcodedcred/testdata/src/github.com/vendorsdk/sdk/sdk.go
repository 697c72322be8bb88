// Package sdk is a dependency that ships a default key.
package sdk

const DefaultSecretKey = "sk_9Xk2mQ7vR4tW8zB1nL6cY3pD5fH0jSa2"
