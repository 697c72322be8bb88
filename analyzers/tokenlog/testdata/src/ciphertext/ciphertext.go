// Package ciphertext: a credential-named field inside a struct type
// named for ciphertext (Telegram Passport's EncryptedCredentials, whose
// Secret is encrypted with the bot's public key) holds encrypted bytes;
// a message printed whole with it inside prints no credential. The same
// field in a plain struct is still a credential.
package ciphertext

import (
	"encoding/json"
	"log"
)

type EncryptedCredentials struct {
	Data   string `json:"data"`
	Hash   string `json:"hash"`
	Secret string `json:"secret"`
}

type PassportData struct {
	Credentials *EncryptedCredentials `json:"credentials"`
}

type Message struct {
	Text         string        `json:"text"`
	PassportData *PassportData `json:"passport_data,omitempty"`
}

type Envelope struct {
	Body        string
	Credentials EncryptedCredentials
}

type ClientCredentials struct {
	Secret string `json:"secret"`
}

type Login struct {
	User        string             `json:"user"`
	Credentials *ClientCredentials `json:"credentials"`
}

type Session struct {
	ID          string
	Credentials ClientCredentials
}

func onMessage(m *Message) {
	b, _ := json.Marshal(m)
	log.Printf("[DEBUG] %s", string(b))
}

func onEnvelope(e Envelope) {
	log.Printf("envelope %+v", e)
}

// Near misses: the same fields in plain structs.

func onLogin(l *Login) {
	b, _ := json.Marshal(l)
	log.Printf("[DEBUG] %s", string(b)) // want `ciphertext.Login with credential field Credentials.Secret`
}

func onSession(s Session) {
	log.Printf("session %+v", s) // want `ciphertext.Session with credential field Credentials.Secret`
}
