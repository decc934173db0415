# HB Flow: the application jar built with Maven on a Java 17 JDK, run on a Java 17 JRE as a non-root user.
# Used by docker-compose.yml (docker compose up --build); the postgres profile takes its settings from the environment
# (see README, "Tuotanto / Production").

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# dependencies first: a change in the sources does not download them again
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q -DskipTests package && cp target/hb-flow-*.jar /build/hb-flow.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 hbflow \
 && useradd --system --uid 10001 --gid hbflow --home-dir /app --shell /usr/sbin/nologin hbflow
WORKDIR /app
COPY --from=build --chown=root:root /build/hb-flow.jar /app/hb-flow.jar
USER 10001:10001
ENV SPRING_PROFILES_ACTIVE=postgres \
    TZ=Europe/Helsinki \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/hb-flow.jar"]
