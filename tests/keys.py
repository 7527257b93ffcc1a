"""The passphrase of every test database (fictional data only; never a real unit's passphrase)."""

TEST_KEY = "testlösenfras-för-påhittade-data"
