// Package carrierlib: helpers that keep their parameter and log it.
// New prints a struct with a credential field whole: tokenlog/struct
// reports that log call here, whoever calls New. Remember logs a plain
// string parameter it keeps, which is a credential only when a caller
// passes one: reported at the caller (another package).
package carrierlib

import "log"

// SMSConfig is the SMS gateway's configuration.
type SMSConfig struct {
	AccountSID string
	AuthToken  string
}

// Mailer sends messages.
type Mailer struct {
	sms  SMSConfig
	note string
}

// New keeps the configuration and logs it whole.
func New(sms SMSConfig) *Mailer { // want New:`tokenlog\(param 0 reaches log.Printf \(own sink\); param 0 flows to result 0.0\)`
	log.Printf("sms gateway: %+v", sms) // want `carrierlib.SMSConfig with credential field AuthToken is printed whole by log.Printf`
	return &Mailer{sms: sms}
}

// Remember keeps a value and logs it.
func (m *Mailer) Remember(v string) { // want Remember:`tokenlog\(param 1 reaches log.Printf \(own sink\)\)`
	m.note = v
	log.Printf("remember %s", v)
}
