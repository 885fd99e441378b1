"""Two editors working on the same story, Jane and Sam (loaded with
`pytest_plugins = ["tests.two_editors"]`): superusers, and test clients logged in as
each."""

import pytest
from django.test import Client


@pytest.fixture
def jane(django_user_model):
    return django_user_model.objects.create_superuser(
        "jane", password="password", first_name="Jane", last_name="Editor"
    )


@pytest.fixture
def sam(django_user_model):
    return django_user_model.objects.create_superuser(
        "sam", password="password", first_name="Sam", last_name="Sub"
    )


@pytest.fixture
def jane_client(client, jane):
    client.force_login(jane)
    return client


@pytest.fixture
def sam_client(sam):
    other = Client()
    other.force_login(sam)
    return other
