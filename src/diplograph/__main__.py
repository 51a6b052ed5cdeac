from diplograph.cli import main

raise SystemExit(main())
