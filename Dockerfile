# BlazeBench in one image: the reference server (`blazebench serve`) or the load driver
# (`blazebench load`, `compare`, `merge`), by the arguments given. The entry point is the
# `blazebench` command; `blazebench-healthcheck` probes a server's ports and `blazebench-drive` is
# docker-compose.yml's driver.
#
#   docker build --network host -t blazebench:dev .
#   docker run --rm -p 50051:50051 -p 8080:8080 blazebench:dev serve --host 0.0.0.0
#
# The base images are build arguments so a machine without a registry can supply its own (see
# scripts/docker-ci-setup.sh, which builds both from Debian's OpenJDK 17 under these names).
ARG JDK_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre

# --- build: the Maven wrapper on a JDK 17, the same command as the ./blazebench launcher -------
FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
# maven.test.skip: the image runs the CLI; the tests run in CI, not in the image build.
# The jar and the two scripts go to /out in the layout the runtime image wants, so the runtime
# stage adds them in one layer.
RUN ./mvnw -B -q -pl harness -am package -Dmaven.test.skip=true \
 && mkdir -p /out/opt/blazebench /out/usr/local/bin \
 && cp harness/target/blazebench.jar /out/opt/blazebench/blazebench.jar \
 && cp scripts/docker-blazebench.sh /out/usr/local/bin/blazebench \
 && cp scripts/docker-healthcheck.sh /out/usr/local/bin/blazebench-healthcheck \
 && cp scripts/docker-drive.sh /out/usr/local/bin/blazebench-drive \
 && chmod 755 /out/usr/local/bin/*

# --- runtime: the JRE and one jar ---------------------------------------------------------------
FROM ${JRE_IMAGE}
COPY --from=build /out/ /
# Run folders land under /blazebench/reports/out (mount a host folder there).
WORKDIR /blazebench
# gRPC (all three gRPC APIs, health, reflection) and HTTP (REST/JSON, WebSocket).
EXPOSE 50051 8080
ENTRYPOINT ["blazebench"]
CMD ["--help"]
