// Package config is a CLI's settings, loaded with their tags' defaults.
package config

type Front struct {
	Port uint16 `yaml:"port" default:"8899"`
}

type Proxy struct {
	Host  string `yaml:"host" json:"host" default:"127.0.0.1"`
	Front Front
}

type Hub struct {
	Host string `yaml:"host" default:"hub.example.org"`
}

type Embedded struct {
	Addr string `env:"AGENT_ADDR" envDefault:"localhost:9090"`
}

type Config struct {
	Proxy  Proxy
	Hub    Hub
	Peer   struct{ Host string }
	Remote string `env-default:"10.0.0.1:8080"`
	Embedded
}

var Current Config
