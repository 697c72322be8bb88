// Command opsbot is the incident bot.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"

	"example.com/blind8/opsbot/internal/admin"
	"example.com/blind8/opsbot/internal/notify"
	"example.com/blind8/opsbot/internal/status"
)

func main() {
	statusToken := flag.String("status-token", "", "token for the status aggregator (or $OPSBOT_STATUS_TOKEN)") // NEAR hardcodedcred h27
	insecure := flag.Bool("insecure", false, "certcheck: do not verify certificates")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *statusToken == "" {
		*statusToken = os.Getenv("OPSBOT_STATUS_TOKEN")
	}
	if len(os.Args) > 1 && os.Args[1] == "certcheck" {
		c := status.ProbeHTTP(*insecure)
		resp, err := c.Get("https://" + flag.Arg(1))
		if err == nil && resp.TLS != nil && len(resp.TLS.PeerCertificates) > 0 {
			fmt.Println(resp.TLS.PeerCertificates[0].NotAfter)
		}
		return
	}
	conn, err := status.Dial("eu", *statusToken)
	if err != nil {
		log.Error("status dial", "err", err, "token", *statusToken) // WANT tokenlog T29
		os.Exit(1)
	}
	defer conn.Close()
	n := &notify.Notifier{HTTP: http.DefaultClient, Log: log}
	log.Info("opsbot starting", "creds", notify.Describe()) // NEAR tokenlog t45
	ui := admin.New(log)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/login", ui.Login)
	mux.HandleFunc("GET /admin/callback", ui.Callback)
	mux.HandleFunc("GET /admin/logout", ui.Logout)
	mux.HandleFunc("GET /admin/docs", ui.Docs)
	mux.HandleFunc("POST /incident", func(w http.ResponseWriter, r *http.Request) {
		_ = n.Incident(r.FormValue("summary"))
	})
	log.Error("server", "err", http.ListenAndServe(":8070", mux))
}
