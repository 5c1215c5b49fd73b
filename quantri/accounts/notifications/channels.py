"""How a notification reaches a person outside the site. One interface for every channel:
e-mail today; SMS and Zalo (which Vietnamese offices and citizens expect) are further
`Channel` classes registered the same way, once there is a provider to send through."""

from abc import ABC, abstractmethod

from django.core.mail import send_mail


class Channel(ABC):
    name: str

    @abstractmethod
    def address(self, user) -> str:
        """Where this user is reached on this channel; empty when they cannot be."""

    @abstractmethod
    def send(self, *, user, subject: str, text: str) -> None:
        """Deliver one message, or raise."""


class EmailChannel(Channel):
    name = "email"

    def address(self, user) -> str:
        return user.email or ""

    def send(self, *, user, subject: str, text: str) -> None:
        send_mail(subject, text, None, [self.address(user)])


_CHANNELS: dict[str, Channel] = {}


def register_channel(channel: Channel) -> None:
    _CHANNELS[channel.name] = channel


def channels() -> list[Channel]:
    return list(_CHANNELS.values())
