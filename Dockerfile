# Quorum built from this repository (used by docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY quorum-events-client/pom.xml quorum-events-client/
COPY quorum-app/pom.xml quorum-app/
RUN mvn -B -q -pl quorum-app -am dependency:go-offline
COPY quorum-events-client/src quorum-events-client/src
COPY quorum-app/src quorum-app/src
COPY bpmn bpmn
RUN mvn -B -q -DskipTests -pl quorum-app -am package && cp quorum-app/target/quorum-*.jar /src/quorum.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home quorum
USER quorum
WORKDIR /home/quorum
COPY --from=build /src/quorum.jar /home/quorum/quorum.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/home/quorum/quorum.jar"]
