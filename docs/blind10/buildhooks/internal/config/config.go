// Package config reads buildhooks' settings.
package config

import (
	"errors"
	"os"
	"strconv"
)

type Config struct {
	Addr      string
	PublicURL string

	GitHubWebhookSecret []byte
	GitLabToken         string // X-Gitlab-Token of the GitLab project hooks
	GiteaSecret         []byte

	GitHubAPIURL   string
	GitHubAppID    int64
	GitHubAppKey   string // path to the app's PEM private key
	GitHubOrg      string
	JenkinsURL     string
	JenkinsTrigger string // the jobs' "Trigger builds remotely" token
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func Load() (Config, error) {
	c := Config{
		Addr:                env("BUILDHOOKS_ADDR", ":8088"),
		PublicURL:           env("BUILDHOOKS_PUBLIC_URL", "http://localhost:8088"), // NEAR plainhttp p03
		GitHubWebhookSecret: []byte(os.Getenv("GITHUB_WEBHOOK_SECRET")),
		GitLabToken:         env("GITLAB_WEBHOOK_TOKEN", "glhook-7Qm2Vx9kLp4Rz8Tn3Wc6Yb1Hd5"), // WANT hardcodedcred H03
		GiteaSecret:         []byte(os.Getenv("GITEA_WEBHOOK_SECRET")),
		GitHubAPIURL:        env("GITHUB_API_URL", "http://ghes.northwind-builds.com/api/v3"), // WANT plainhttp P03
		GitHubAppKey:        env("GITHUB_APP_KEY_FILE", "/var/run/secrets/github-app/key.pem"),
		GitHubOrg:           env("GITHUB_ORG", "northwind"),
		JenkinsURL:          env("JENKINS_URL", "http://jenkins.ci.svc.cluster.local:8080"), // NEAR plainhttp p04
		JenkinsTrigger:      os.Getenv("JENKINS_TRIGGER_TOKEN"),
	}
	var err error
	if c.GitHubAppID, err = strconv.ParseInt(os.Getenv("GITHUB_APP_ID"), 10, 64); err != nil {
		return c, errors.New("GITHUB_APP_ID must be the numeric app id")
	}
	if len(c.GitHubWebhookSecret) == 0 {
		return c, errors.New("GITHUB_WEBHOOK_SECRET is not set")
	}
	return c, nil
}
