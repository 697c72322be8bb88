// Package usecarrierlib calls carrierlib's helpers with credentials.
package usecarrierlib

import (
	"os"

	"carrierlib"
)

func run() {
	m := carrierlib.New(carrierlib.SMSConfig{AccountSID: os.Getenv("SMS_SID"), AuthToken: os.Getenv("SMS_AUTH_TOKEN")}) // silent: the same leak is reported in New
	m.Remember(os.Getenv("SMS_AUTH_TOKEN"))                                                                             // want `token from environment variable SMS_AUTH_TOKEN reaches log.Printf`
}
