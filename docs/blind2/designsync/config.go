// Package designsync mirrors design files from the Canvasly API into the asset store.
package designsync

import (
	"errors"
	"os"
	"strconv"
	"time"
)

// Config is loaded from YAML and overridden by the environment.
type Config struct {
	API      APIConfig      `yaml:"api"`
	Store    StoreConfig    `yaml:"store"`
	Database DatabaseConfig `yaml:"database"`
	Sync     SyncConfig     `yaml:"sync"`
}

// APIConfig holds the Canvasly credentials.
type APIConfig struct {
	BaseURL       string        `yaml:"base_url"`
	PersonalToken string        `yaml:"personal_token"`
	TeamID        string        `yaml:"team_id"`
	Timeout       time.Duration `yaml:"timeout"`
	TokenTTL      time.Duration `yaml:"token_ttl"`
}

// StoreConfig is the S3-compatible object store.
type StoreConfig struct {
	Endpoint        string `yaml:"endpoint"`
	AccessKeyID     string `yaml:"access_key_id"`
	SecretAccessKey string `yaml:"secret_access_key"`
	Bucket          string `yaml:"bucket"`
	UseSSL          bool   `yaml:"use_ssl"`
}

// DatabaseConfig is the Postgres connection.
type DatabaseConfig struct {
	Host     string `yaml:"host"`
	Port     int    `yaml:"port"`
	User     string `yaml:"user"`
	Password string `yaml:"password"`
	Name     string `yaml:"name"`
}

// SyncConfig controls the mirror loop.
type SyncConfig struct {
	Interval    time.Duration `yaml:"interval"`
	MaxTokens   int           `yaml:"max_tokens"`
	PasswordMin int           `yaml:"password_min"`
}

// Default returns the built-in configuration.
func Default() Config {
	return Config{
		API: APIConfig{
			BaseURL:       "https://api.canvasly.com/v1",
			PersonalToken: "",
			Timeout:       20 * time.Second,
			TokenTTL:      time.Hour,
		},
		Store: StoreConfig{
			Endpoint:        "minio.assets.svc.cluster.local:9000",
			AccessKeyID:     "AKIAZ7QX3ML4HD2PNEWB",
			SecretAccessKey: "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",
			Bucket:          "design-assets",
		},
		Database: DatabaseConfig{
			Host:     "postgres",
			Port:     5432,
			User:     "designsync",
			Password: "Dsync!2023#prod",
			Name:     "designsync",
		},
		Sync: SyncConfig{
			Interval:    5 * time.Minute,
			MaxTokens:   4096,
			PasswordMin: 12,
		},
	}
}

// FromEnv applies environment overrides.
func (c *Config) FromEnv() error {
	if v := os.Getenv("CANVASLY_TOKEN"); v != "" {
		c.API.PersonalToken = v
	}
	if v := os.Getenv("DESIGNSYNC_DB_PASSWORD"); v != "" {
		c.Database.Password = v
	}
	if v := os.Getenv("DESIGNSYNC_S3_SECRET_KEY"); v != "" {
		c.Store.SecretAccessKey = v
	}
	if v := os.Getenv("DESIGNSYNC_DB_PORT"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil {
			return err
		}
		c.Database.Port = p
	}
	if c.API.PersonalToken == "" {
		return errors.New("designsync: api.personal_token is required (or set CANVASLY_TOKEN)")
	}
	return nil
}

// DevConfig is used by `designsync dev` against the docker-compose stack.
func DevConfig() Config {
	c := Default()
	c.API.BaseURL = "http://localhost:8089/v1"
	c.API.PersonalToken = "dev-token"
	c.Database.Host = "localhost"
	c.Database.Password = "postgres"
	c.Store.Endpoint = "127.0.0.1:9000"
	return c
}

// StagingConfig points at the shared staging project.
func StagingConfig() Config {
	c := Default()
	c.API.BaseURL = "https://api.staging.canvasly.com/v1"
	c.API.PersonalToken = "cvly_pat_8H2kLq9RmT4vXw7ZbN3sYd6FjP1cGe5A"
	c.Database.Password = "st4g1ng-Pg-9931"
	return c
}
