// A script that fails, for the console check.
throw new Error("boom: this fixture fails on purpose");
