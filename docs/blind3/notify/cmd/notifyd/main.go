// Command notifyd runs the notification service.
package main

import (
	"os"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"

	"example.com/blind3/notify/internal/api"
	"example.com/blind3/notify/internal/mailer"
	"example.com/blind3/notify/internal/worker"
)

type memUsers struct{}

func (memUsers) Create(email string, hash []byte) (string, error)               { return "u1", nil }
func (memUsers) SetResetToken(email, tokenHash string, expires time.Time) error { return nil }

func main() {
	log := logrus.New()
	port, _ := strconv.Atoi(os.Getenv("SMTP_PORT"))
	m := mailer.New(mailer.SMTPConfig{
		Host:     os.Getenv("SMTP_HOST"),
		Port:     port,
		Username: os.Getenv("SMTP_USER"),
		Password: os.Getenv("SMTP_PASSWORD"),
	}, mailer.SMSConfig{
		AccountSID: os.Getenv("SMS_SID"),
		AuthToken:  os.Getenv("SMS_AUTH_TOKEN"),
		From:       os.Getenv("SMS_FROM"),
	}, logrus.NewEntry(log))
	zl := zerolog.New(os.Stderr).With().Timestamp().Logger()
	_ = worker.New(zl, worker.Credentials{User: os.Getenv("AMQP_USER"), Password: os.Getenv("AMQP_PASSWORD")})
	r := gin.New()
	api.New(memUsers{}, m, log).Register(r)
	if err := r.Run(":8081"); err != nil {
		log.Fatal(err)
	}
}
