package org.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.quorum.support.RepositoryFiles;

/**
 * The layout of bpmn/README.md: a process's forms sit in a folder named after its key
 * ({@code bpmn/forms/regional-endorsement/check-request.form}), so a reader finds them by the process's name. A
 * form used by two processes would have no single folder, and fails here.
 */
class FormFoldersTest {

    @Test
    void eachFormSitsInTheFolderOfTheOneProcessThatUsesIt() throws IOException {
        Map<String, String> processByForm = new HashMap<>();
        for (Path model : files(RepositoryFiles.path("bpmn"), ".bpmn")) {
            BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
            String process = instance.getModelElementsByType(Process.class).iterator().next().getId();
            Stream.concat(instance.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef),
                    instance.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef))
                    .forEach(form -> {
                        String other = processByForm.put(form, process);
                        assertThat(other == null || other.equals(process))
                                .as("form %s is used by %s and %s", form, other, process).isTrue();
                    });
        }

        Map<String, String> folderByForm = new HashMap<>();
        for (Path form : files(RepositoryFiles.path("bpmn", "forms"), ".form")) {
            folderByForm.put(form.getFileName().toString().replace(".form", ""),
                    RepositoryFiles.path("bpmn", "forms").relativize(form.getParent()).toString());
        }
        assertThat(folderByForm).isEqualTo(processByForm);
    }

    private static List<Path> files(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }
}
