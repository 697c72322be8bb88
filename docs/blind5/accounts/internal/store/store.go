// Package store is the accounts database.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	_ "github.com/go-sql-driver/mysql"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"
)

const (
	jwtSecretEnv   = "ACCOUNTS_JWT_SECRET"                // NEAR hardcodedcred h27
	jwtKeyID       = "accounts-2024-06"                   // NEAR hardcodedcred h28
	bearerPrefix   = "Bearer "                            // NEAR hardcodedcred h29
	legacyJWTKey   = "acc0unts-HS256-l3gacy-k3y-7Qx9Lm2W" // WANT hardcodedcred H21
	passwordPepper = "pK8vL2xQ9mR4tW7zN1bY5cH3jF6gD0aS"   // WANT hardcodedcred H22
)

// Store wraps the database.
type Store struct {
	DB *sql.DB
}

// Open connects to the database.
func Open() (*Store, error) {
	dsn := os.Getenv("ACCOUNTS_DSN")
	if dsn == "" {
		dsn = "accounts:Pz8kW2qLm5vR7tX3@tcp(mysql.accounts-prod.internal:3306)/accounts?parseTime=true" // WANT hardcodedcred H23
	}
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, err
	}
	return &Store{DB: db}, nil
}

// DirectoryURL is the LDAP URL used for staff sign-in.
func DirectoryURL() string {
	u := url.URL{Scheme: "ldaps", Host: "ldap.corp.example:636", User: url.UserPassword("svc-accounts", "Lq7vR2pX9mK4wZ8s")} // WANT hardcodedcred H24
	return u.String()
}

// ParseLegacy verifies a token of the old accounts service.
func ParseLegacy(tok string) (*jwt.RegisteredClaims, error) {
	var c jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(tok, &c, func(*jwt.Token) (any, error) { return []byte(legacyJWTKey), nil }, jwt.WithValidMethods([]string{"HS256"}))
	return &c, err
}

// Sign signs a token with the current key.
func Sign(sub string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))})
	t.Header["kid"] = jwtKeyID
	return t.SignedString([]byte(os.Getenv(jwtSecretEnv)))
}

// BreakGlass reports whether key is the emergency admin key.
func BreakGlass(key string) bool {
	return key == "bg_3f8Kq2Lr9Xw4Zp7Tn3Vb6Y" // WANT hardcodedcred H25
}

// CheckPassword returns the user id.
func (s *Store) CheckPassword(email, password string) (string, error) {
	var id, hash string
	if err := s.DB.QueryRow(`SELECT id, password_hash FROM users WHERE email = ?`, email).Scan(&id, &hash); err != nil {
		return "", err
	}
	if err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(password+passwordPepper)); err != nil {
		return "", errors.New("wrong password")
	}
	return id, nil
}

// CreateUser creates a user.
func (s *Store) CreateUser(email, password string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(password+passwordPepper), bcrypt.DefaultCost)
	if err != nil {
		return "", err
	}
	res, err := s.DB.Exec(`INSERT INTO users (email, password_hash) VALUES (?, ?)`, email, string(h))
	if err != nil {
		return "", err
	}
	id, _ := res.LastInsertId()
	return fmt.Sprint(id), nil
}

// SeedDemoUsers fills a fresh development database.
func (s *Store) SeedDemoUsers() {
	_, _ = s.CreateUser("demo@accounts.test", "demo-password") // NEAR hardcodedcred h30
}

// The remaining methods are backed by tables not shown here.

func (s *Store) NewSession(userID string) string                      { return "s-" + userID }
func (s *Store) RedeemMagicToken(tok string) (string, error)          { return "", errors.New("todo") }
func (s *Store) VerifyTOTP(pending, code string) (string, error)      { return "", errors.New("todo") }
func (s *Store) AcceptInvite(invite, password string) (string, error) { return "", errors.New("todo") }
func (s *Store) ResetPassword(tok, password string) (string, error)   { return "", errors.New("todo") }
func (s *Store) ShortLink(id string) (string, bool)                   { return "", false }
func (s *Store) VerifySAMLResponse(resp string) (string, error)       { return "", errors.New("todo") }
func (s *Store) MintAppToken(session string) string                   { return "app-" + session }
