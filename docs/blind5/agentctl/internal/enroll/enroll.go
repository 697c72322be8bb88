// Package enroll registers an agent with the controller.
package enroll

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
)

// DefaultServer is the controller agents enroll with unless --server says otherwise.
const DefaultServer = "http://controller.fleetops.io" // WANT plainhttp P16

var defaultEnrollToken = "etk_9Hq2Lm7Xv4Rp8Zt3Wn6Yb1Kc5" // WANT hardcodedcred H13

const tokenFile = "/etc/agentctl/token" // NEAR hardcodedcred h19

// Result is the controller's answer to an enrollment.
type Result struct {
	AgentID     string `json:"agent_id"`
	AgentSecret string `json:"agent_secret"`
}

// Token returns the bootstrap token: the environment, the token file or the built-in default.
func Token() string {
	if t := os.Getenv("AGENTCTL_TOKEN"); t != "" {
		return t
	}
	if b, err := os.ReadFile(tokenFile); err == nil {
		return string(bytes.TrimSpace(b))
	}
	return defaultEnrollToken
}

// Enroll registers host with server.
func Enroll(server, host, token string) (*Result, error) {
	log.Printf("enrolling %s with %s using token %s", host, server, token) // WANT tokenlog T28
	body, _ := json.Marshal(map[string]string{"host": host})
	req, err := http.NewRequest(http.MethodPost, server+"/v1/agents", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	// During enrollment the agent does not know the controller's CA yet.
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // WANT plainhttp P17
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return nil, fmt.Errorf("enroll: controller said %s", resp.Status)
	}
	var res Result
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	log.Printf("enrolled as %s (secret %d bytes)", res.AgentID, len(res.AgentSecret)) // NEAR tokenlog t29
	return &res, nil
}

// Heartbeat reports to the controller's plain-HTTP health port from inside the VPC.
func Heartbeat(host string) error {
	resp, err := http.Get("http://" + host + ":8081/healthz") // NEAR plainhttp p17
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Report sends the agent's inventory with its secret.
func Report(controllerHost, agentID, secret string, inv []byte) error {
	req, err := http.NewRequest(http.MethodPut, "http://"+controllerHost+"/v1/agents/"+agentID+"/inventory", bytes.NewReader(inv)) // WANT plainhttp P18
	if err != nil {
		return err
	}
	req.SetBasicAuth(agentID, secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("report %s: %w", agentID, err)
	}
	return resp.Body.Close()
}
