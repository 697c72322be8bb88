// Package api is the notification service's HTTP API.
package api

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/sirupsen/logrus"
	"golang.org/x/crypto/bcrypt"

	"example.com/blind3/notify/internal/mailer"
)

// Users is the user repository.
type Users interface {
	Create(email string, passwordHash []byte) (string, error)
	SetResetToken(email, tokenHash string, expires time.Time) error
}

// API holds the handlers.
type API struct {
	users  Users
	mailer *mailer.Mailer
	log    *logrus.Logger
}

// New builds the API.
func New(users Users, m *mailer.Mailer, log *logrus.Logger) *API {
	return &API{users: users, mailer: m, log: log}
}

// Register adds the routes.
func (a *API) Register(r *gin.Engine) {
	r.POST("/signup", a.signup)
	r.POST("/password/forgot", a.forgotPassword)
}

type signupRequest struct {
	Email    string `json:"email" binding:"required,email"`
	Password string `json:"password" binding:"required,min=10"`
	Name     string `json:"name"`
}

type signupAudit struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	Password string `json:"-"`
}

func (a *API) signup(c *gin.Context) {
	var req signupRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		a.log.WithError(err).WithField("email", req.Email).Info("signup: invalid request") // NEAR tokenlog t30
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid request"})
		return
	}
	a.log.Debugf("signup request: %+v", req)                                                              // WANT tokenlog T21
	a.log.WithFields(logrus.Fields{"email": req.Email, "password_len": len(req.Password)}).Info("signup") // NEAR tokenlog t31
	hash, err := bcrypt.GenerateFromPassword([]byte(req.Password), bcrypt.DefaultCost)
	if err != nil {
		a.log.WithField("password", req.Password).Error("signup: hashing failed") // WANT tokenlog T22
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal"})
		return
	}
	a.log.Debugf("signup: stored hash %s", hash) // NEAR tokenlog t32
	id, err := a.users.Create(req.Email, hash)
	if err != nil {
		c.JSON(http.StatusConflict, gin.H{"error": "exists"})
		return
	}
	a.log.WithField("user_id", id).Info("signup: created") // NEAR tokenlog t33
	c.JSON(http.StatusCreated, gin.H{"id": id})
}

func (a *API) forgotPassword(c *gin.Context) {
	email := c.PostForm("email")
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	token := hex.EncodeToString(raw)
	expires := time.Now().Add(time.Hour)
	if err := a.users.SetResetToken(email, hashToken(token), expires); err != nil {
		a.log.WithError(err).Warn("reset: store")
	}
	a.log.WithFields(logrus.Fields{"email": email, "reset_token": token}).Info("password reset issued") // WANT tokenlog T23
	a.log.WithFields(logrus.Fields{"email": email, "expires": expires}).Info("password reset expiry")   // NEAR tokenlog t34
	link := "https://app.example.com/reset?token=" + token
	if err := a.mailer.Send(email, "Reset your password", "Open "+link); err != nil {
		a.log.Errorf("reset: mail to %s failed (link %s): %v", email, link, err) // WANT tokenlog T24
	}
	c.Status(http.StatusAccepted)
}
