package main

import (
	"context"
	"fmt"
	"os"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"example.com/blind5/notify/internal/admin"
	"example.com/blind5/notify/internal/mail"
	"example.com/blind5/notify/internal/queue"
	"example.com/blind5/notify/internal/settings"
	"example.com/blind5/notify/internal/sms"
)

func main() {
	s := settings.FromEnv()
	log, _ := zap.NewProduction()
	if s.Verbose {
		log, _ = zap.NewDevelopment()
		log.Debug("settings", zap.Any("settings", s)) // WANT tokenlog T15
	}
	fmt.Fprintf(os.Stderr, "notify: smtp %s as %s (password %d chars)\n", s.SMTPHost, s.SMTPUser, len(s.SMTPPassword)) // NEAR tokenlog t18
	awsCfg, err := queue.Load(context.Background(), s.AWSRegion, s.LocalStack, log)
	if err != nil {
		log.Fatal("aws", zap.Error(err))
	}
	_ = queue.Client(awsCfg)
	_ = sms.NewFromSettings(s.TwilioSID, s.TwilioToken, "+4930123456", log)
	_ = &mail.Mailer{Host: s.SMTPHost, User: s.SMTPUser, Password: s.SMTPPassword, Log: log}
	r := gin.New()
	(&admin.Console{Password: s.AdminPassword, Log: log, PublicHost: "notify.example.com"}).Register(r)
	if err := r.Run(s.Addr); err != nil {
		fmt.Fprintf(os.Stderr, "notify: %v (admin password was %s)\n", err, s.AdminPassword) // WANT tokenlog T16
		os.Exit(1)
	}
}
