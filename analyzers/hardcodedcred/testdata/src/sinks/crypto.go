package sinks

import (
	"crypto/aes"
	"crypto/hmac"
	"crypto/sha256"
	"os"
)

func crypto(body []byte) {
	_ = hmac.New(sha256.New, []byte("whk-9Qz2Lm7Xc4Vb"))          // want `HMAC key passed to hmac.New is a string literal`
	_ = hmac.New(sha256.New, []byte("Bitcoin seed"))              // a public domain-separation label: silent
	_ = hmac.New(sha256.New, []byte(os.Getenv("WEBHOOK_SECRET"))) // from the environment: silent
	_, _ = aes.NewCipher([]byte("k3y-0f-16-bytes!"))              // want `encryption key passed to aes.NewCipher is a string literal`
	_, _ = aes.NewCipher(body)                                    // run-time key: silent
}
