// Command agentctl enrolls a host with the fleet controller and runs the agent.
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"

	"example.com/blind5/agentctl/internal/enroll"
	"example.com/blind5/agentctl/internal/transport"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: agentctl enroll|run|token|probe [flags]")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "enroll":
		cmdEnroll(os.Args[2:])
	case "run":
		cmdRun(os.Args[2:])
	case "probe":
		cmdProbe(os.Args[2:])
	}
}

func cmdEnroll(args []string) {
	fs := flag.NewFlagSet("enroll", flag.ExitOnError)
	server := fs.String("server", enroll.DefaultServer, "controller URL")
	token := fs.String("token", "", "bootstrap token (default: $AGENTCTL_TOKEN, then /etc/agentctl/token)") // NEAR hardcodedcred h23
	_ = fs.Parse(args)
	tok := *token
	if tok == "" {
		tok = enroll.Token()
	}
	host, _ := os.Hostname()
	res, err := enroll.Enroll(*server, host, tok)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("agent id: %s\nagent secret: %s\n", res.AgentID, res.AgentSecret) // NEAR tokenlog t30
}

func cmdRun(args []string) {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	insecure := fs.Bool("insecure", false, "do not verify the controller's certificate (unsafe)")
	caFile := fs.String("ca-file", "", "CA bundle of the controller")
	metricsURL := fs.String("metrics-url", "http://127.0.0.1:9100/metrics", "where to scrape the node exporter") // NEAR plainhttp p18
	_ = fs.Parse(args)
	c, err := transport.Client(transport.Options{CAFile: *caFile, Insecure: *insecure})
	if err != nil {
		log.Fatal(err)
	}
	secret := os.Getenv("AGENT_SECRET")
	fmt.Fprintf(os.Stderr, "agent starting (secret %s...)\n", secret[:4]) // NEAR tokenlog t31
	if os.Getenv("AGENT_DEBUG") != "" {
		fmt.Fprintf(os.Stderr, "debug: agent secret=%s\n", secret) // WANT tokenlog T29
	}
	_, _ = c, *metricsURL
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	log.Fatal(http.ListenAndServe("127.0.0.1:7070", mux))
}

// cmdProbe reports the certificate chain a server presents, for `agentctl probe host:443`.
func cmdProbe(args []string) {
	addr := args[0]
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // NEAR plainhttp p19
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	for _, c := range conn.ConnectionState().PeerCertificates {
		fmt.Printf("%s  expires %s\n", c.Subject, c.NotAfter.Format("2006-01-02"))
	}
}
