package blindapi

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log"
	"log/slog"
	"net/url"
	"strconv"

	"golang.org/x/crypto/bcrypt"
)

// User is a stored account.
type User struct {
	ID             int64
	Email          string
	HashedPassword []byte
	ResetToken     string
	ResetTokenHash string
}

// encrypt seals a value with AES-GCM for storage.
func encrypt(key []byte, plain string) (string, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return "", fmt.Errorf("cipher: %w", err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return "", fmt.Errorf("gcm: %w", err)
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("nonce: %w", err)
	}
	return base64.StdEncoding.EncodeToString(gcm.Seal(nonce, nonce, []byte(plain), nil)), nil
}

func register(email, password string, key []byte) (*User, error) {
	if len(password) < 12 {
		return nil, fmt.Errorf("password for %s too short: %d characters", email, len(password))
	}
	hashed, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	if err != nil {
		return nil, fmt.Errorf("hashing password for %s: %w", email, err)
	}
	u := &User{Email: email, HashedPassword: hashed}
	slog.Info("registered", "email", u.Email, "id", u.ID)
	log.Printf("user %s hash %s", email, hashed)
	log.Printf("user %+v", u)
	enc, err := encrypt(key, password)
	if err != nil {
		return nil, err
	}
	log.Printf("stored encrypted password %s", enc)
	log.Printf("password hex %s", hex.EncodeToString([]byte(password)))                // want `reaches log.Printf`
	log.Printf("password b64 %s", base64.StdEncoding.EncodeToString([]byte(password))) // want `reaches log.Printf`
	log.Printf("password %s", strconv.Quote(password))                                 // want `reaches log.Printf`
	return u, nil
}

func resetLink(base string, u *User) string {
	q := url.Values{}
	q.Set("token", u.ResetToken)
	link := base + "/reset?" + q.Encode()
	log.Printf("reset requested for %s, token hash %s", u.Email, u.ResetTokenHash)
	log.Printf("reset link for %s: %s", u.Email, link) // want `reaches log.Printf`
	log.Printf("sending reset mail to %s via %s", u.Email, base)
	return link
}

func login(u *User, password string) error {
	if err := bcrypt.CompareHashAndPassword(u.HashedPassword, []byte(password)); err != nil {
		log.Printf("login failed for %s: %v", u.Email, err)
		return fmt.Errorf("login %s: %w", u.Email, err)
	}
	if password == "" {
		log.Printf("empty password for %s", u.Email)
	}
	log.Printf("login for %s with %q failed", u.Email, password) // want `reaches log.Printf`
	return nil
}
