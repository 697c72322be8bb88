// Package roomtoken looks rooms up by their address token and logs it:
// a room's token is its address, and a parameter only compared with
// such tokens is one too. A parameter compared with an invite's token,
// and an invite's token itself, are credentials.
package roomtoken

import (
	"log"

	"example.com/talkroom"
)

type message struct {
	Channel string
	Text    string
}

type bridge struct {
	rooms   []*talkroom.TalkRoom
	invites []*talkroom.Invite
}

func (b *bridge) getRoom(token string) *talkroom.TalkRoom {
	for _, r := range b.rooms {
		if r.Token == token {
			return r
		}
	}
	return nil
}

func (b *bridge) send(msg message) {
	r := b.getRoom(msg.Channel)
	if r == nil {
		log.Printf("could not find room for %v", msg.Channel)
		return
	}
	log.Printf("sending %q to room %s (%s)", msg.Text, r.Token, r.Name)
}

func (b *bridge) received(r *talkroom.TalkRoom, text string) {
	log.Printf("<= %#v", message{Channel: r.Token, Text: text})
}

// Positives: an invite's token is what lets a guest in.

func (b *bridge) findInvite(token string) *talkroom.Invite {
	for _, i := range b.invites {
		if i.Token == token {
			return i
		}
	}
	return nil
}

func (b *bridge) join(code string) {
	if b.findInvite(code) == nil {
		log.Printf("no invite for %s", code) // want `token passed as parameter token of roomtoken.bridge.findInvite reaches log.Printf`
	}
}

func (b *bridge) accepted(i *talkroom.Invite) {
	log.Printf("invite %s accepted", i.Token) // want `token in field Token reaches log.Printf`
}
