// Package sinks has one positive per sink family, each beside a near
// miss.
package sinks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"os"

	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

func stdlog(r *http.Request, l *log.Logger) {
	tok := r.Header.Get("X-Auth-Token")
	log.Print(tok) // want `token from the X-Auth-Token header reaches log.Print`
	if tok == "" {
		log.Fatalf("bad %s", tok) // want `reaches log.Fatalf`
	}
	if len(tok) > 100 {
		log.Panicln(tok) // want `reaches log.Panicln`
	}
	l.Printf("t=%s", tok)             // want `reaches log.Logger.Printf`
	l.Printf("t=%d", len(tok))        // silent: a length
	log.Print(r.Header.Get("Accept")) // silent: not a credential
}

func slogs(ctx context.Context, r *http.Request, lg *slog.Logger) {
	tok := r.Header.Get("X-Auth-Token")
	slog.Info("auth", "token", tok)                                                  // want `reaches slog.Info`
	slog.Info("auth", slog.String("token", tok))                                     // want `reaches slog.Info`
	lg.Debug("auth", slog.Any("t", tok))                                             // want `reaches slog.Logger.Debug`
	lg.LogAttrs(ctx, slog.LevelInfo, "auth", slog.Group("g", slog.String("t", tok))) // want `reaches slog.Logger.LogAttrs`
	lg.With("token", tok).Info("request")                                            // want `reaches slog.Logger.With`
	lg.With("user", r.URL.User.Username()).Info("request")                           // silent: a user name
	slog.Info("auth", "token_len", len(tok))                                         // silent: a length
	slog.ErrorContext(ctx, "auth failed", "path", r.URL.Path)                        // silent: no credential
}

func prints(r *http.Request, w http.ResponseWriter, buf io.Writer) {
	tok := r.Header.Get("X-Auth-Token")
	fmt.Println("token:", tok)                 // want `token from the X-Auth-Token header reaches fmt.Println`
	fmt.Printf("token: %s\n", tok)             // want `reaches fmt.Printf`
	fmt.Fprintf(os.Stderr, "token: %s", tok)   // want `reaches fmt.Fprintf to os.Stderr`
	fmt.Fprintln(os.Stdout, tok)               // want `reaches fmt.Fprintln to os.Stdout`
	println(tok)                               // want `reaches println`
	fmt.Fprintf(w, `{"access_token":%q}`, tok) // silent: sending a token to its client is a token endpoint's job
	fmt.Fprintln(buf, tok)                     // silent: an arbitrary writer
	fmt.Println("token length:", len(tok))     // silent: a length
}

func errs(r *http.Request) error {
	tok := r.Header.Get("X-Auth-Token")
	if len(tok) < 10 {
		return fmt.Errorf("bad token %q", tok) // want `token from the X-Auth-Token header is put in an error message by fmt.Errorf`
	}
	if tok == "" {
		return errors.New("missing token " + tok) // want `is put in an error message by errors.New`
	}
	return fmt.Errorf("bad token of length %d", len(tok)) // silent: a length
}

func zaps(r *http.Request, lg *zap.Logger) {
	tok := r.Header.Get("X-Auth-Token")
	lg.Info("auth", zap.String("token", tok))              // want `reaches zap.Logger.Info`
	lg.Debug("auth", zap.ByteString("token", []byte(tok))) // want `reaches zap.Logger.Debug`
	lg.With(zap.Any("t", tok)).Info("request")             // want `reaches zap.Logger.With`
	lg.Sugar().Infof("token %s", tok)                      // want `reaches zap.SugaredLogger.Infof`
	lg.Sugar().Debugw("auth", "token", tok)                // want `reaches zap.SugaredLogger.Debugw`
	lg.Info("auth", zap.Int("token_len", len(tok)))        // silent: a length
	lg.Info("auth", zap.String("path", r.URL.Path))        // silent: no credential
}

func logruses(r *http.Request, lg *logrus.Logger) {
	tok := r.Header.Get("X-Auth-Token")
	logrus.Info("token ", tok)                               // want `reaches logrus.Info`
	logrus.WithField("token", tok).Info("auth")              // want `reaches logrus.WithField`
	lg.WithFields(logrus.Fields{"token": tok}).Infof("auth") // want `reaches logrus.Logger.WithFields`
	lg.Warnf("token %s", tok)                                // want `reaches logrus.Logger.Warnf`
	logrus.WithField("path", r.URL.Path).Info("auth")        // silent: no credential
	logrus.SetLevel(1)                                       // silent: not a log call
}

func zerologs(r *http.Request, l zerolog.Logger) {
	tok := r.Header.Get("X-Auth-Token")
	zlog.Info().Str("token", tok).Msg("auth")          // want `reaches zerolog.Event.Msg`
	l.Debug().Interface("t", tok).Send()               // want `reaches zerolog.Event.Send`
	zlog.Info().Msgf("token %s", tok)                  // want `reaches zerolog.Event.Msgf`
	zlog.Printf("token %s", tok)                       // want `reaches log.Printf`
	zlog.Info().Int("token_len", len(tok)).Msg("auth") // silent: a length
}

func klogs(r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	klog.Infof("token %s", tok)         // want `reaches klog.Infof`
	klog.V(4).Infof("token %s", tok)    // want `reaches klog.Verbose.Infof`
	klog.InfoS("auth", "token", tok)    // want `reaches klog.InfoS`
	klog.InfoS("auth", "len", len(tok)) // silent: a length
}

func buffers(r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	var b bytes.Buffer
	b.WriteString("Bearer ")
	b.WriteString(tok)
	log.Print(b.String()) // want `reaches log.Print`
	var c bytes.Buffer
	c.WriteString("no token here")
	log.Print(c.String()) // silent: the buffer holds no credential
	var d bytes.Buffer
	fmt.Fprintf(&d, "tok=%s", tok)
	log.Print(d.String()) // want `reaches log.Print`
}
