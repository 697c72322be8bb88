// Package onetime logs one-time codes (ente's shape): a login code is a
// password for as long as it is valid.
package onetime

import (
	"crypto/rand"
	"fmt"
	"log"
	"math/big"
)

// Config holds the codes of test accounts and the code's settings.
type Config struct {
	HardCodedOTT map[string]string
	OTPLength    int
	OTPIssuer    string
	OTPURL       string
}

func generate() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1000000))
	return fmt.Sprintf("%06d", n)
}

func send(cfg Config, email string) {
	otp := generate()
	log.Printf("sending %s to %s", otp, email) // want `password in variable otp reaches log.Printf`
	log.Printf("sent a code to %s", email)     // silent: the address
	if ott, ok := cfg.HardCodedOTT[email]; ok {
		log.Print("added hard coded ott for " + email + " : " + ott) // want `password in .* reaches log.Print`
	}
	log.Printf("codes have %d digits", cfg.OTPLength) // silent: a number
	log.Printf("issuer %s", cfg.OTPIssuer)            // silent: an issuer's name
	log.Printf("enrol at %s", cfg.OTPURL)             // silent: a URL
}
