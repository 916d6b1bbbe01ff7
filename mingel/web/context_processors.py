from mingel.accounts.selectors import signup_open


def site(request):
    return {"signup_open": signup_open(request)}
