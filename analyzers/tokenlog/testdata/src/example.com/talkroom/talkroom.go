// Package talkroom stands for a chat library whose rooms are addressed
// by a token (Nextcloud Talk's conversation token, carried in the
// room's URL).
package talkroom

type TalkRoom struct {
	Token string
	Name  string
}

// Invite is what joins a room: its token is a credential.
type Invite struct {
	Token string
}
