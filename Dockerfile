# Quorum built from this repository (used by docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
RUN mvn -B -q -DskipTests package && cp target/quorum-*.jar /src/quorum.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home quorum
USER quorum
WORKDIR /home/quorum
COPY --from=build /src/quorum.jar /home/quorum/quorum.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/home/quorum/quorum.jar"]
