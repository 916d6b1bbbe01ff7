from mingel.cli import main

main()
