"""What a regency shares with the national coordinator: its raw answers, or only the progress
figures (the default). models: the one setting row; service: read and change it (audited);
pages: the admin's page /sharing."""
