#!/bin/sh
# prisma generate never runs the schema engine, but the CLI downloads one at start-up unless this is set (no internet here).
exit 1
