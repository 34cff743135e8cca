from mergecamp.cli import main

main()
