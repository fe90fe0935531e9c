from attrition.cli import main

main()
