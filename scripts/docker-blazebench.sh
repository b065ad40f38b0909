#!/bin/sh
# The `blazebench` command inside the Docker image (installed as /usr/local/bin/blazebench).
# JAVA_OPTS replaces the default heap rule: three quarters of the container's memory limit.
exec java ${JAVA_OPTS:--XX:MaxRAMPercentage=75} -jar /opt/blazebench/blazebench.jar "$@"
