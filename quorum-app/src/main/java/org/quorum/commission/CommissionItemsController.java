package org.quorum.commission;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.quorum.infrastructure.camunda.ProcessStarts;
import org.quorum.infrastructure.web.OneOf;
import org.quorum.infrastructure.web.SingleLine;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/commission-items}: refers an SG priority or an endorsed request to the Policy Commission. */
@RestController
class CommissionItemsController {

    private final ProcessStarts starts;

    CommissionItemsController(ProcessStarts starts) {
        this.starts = starts;
    }

    @PostMapping("/api/commission-items")
    ResponseEntity<ProcessStarts.Started> refer(@Valid @RequestBody NewItem item) {
        return starts.start(CommissionVariables.PROCESS_ID, null, Map.of(
                CommissionVariables.ITEM_TYPE, item.itemType(),
                CommissionVariables.ITEM_TITLE, item.itemTitle()));
    }

    record NewItem(@NotBlank @OneOf(ItemType.class) String itemType, @NotBlank @Size(max = 300) @SingleLine String itemTitle) {
    }
}
